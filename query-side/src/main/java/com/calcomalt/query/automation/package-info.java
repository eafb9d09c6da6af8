/**
 * Automation read side: cal.com's {@code Workflow}, {@code WorkflowStep}, {@code WorkflowsOnEventTypes},
 * {@code WorkflowsOnTeams}, {@code WorkflowReminder}, reminder mail and AI phone call tables.
 */
package com.calcomalt.query.automation;
