/**
 * Scheduling's published language: the commands, events, queries and views of schedules, event types,
 * out-of-office entries, held slots, bookings and available slots.
 */
package com.calcomalt.contracts.scheduling;
