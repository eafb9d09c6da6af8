/**
 * Automation: workflows and their steps, the reminders they plan from bookings, the pending-booking reminders and
 * AI phone call configurations, and the tasks that send reminders. It reacts to Scheduling.
 */
package com.calcomalt.command.automation;
