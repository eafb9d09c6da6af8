/**
 * Automation's published language: the commands, events, queries and views of workflows, their steps and
 * reminders, pending-booking reminders and AI phone call configurations.
 */
package com.calcomalt.contracts.automation;
