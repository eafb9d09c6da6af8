/**
 * Notifications: webhooks, and the delivery of their signed payloads when bookings change. It reacts to
 * Scheduling.
 */
package com.calcomalt.command.notifications;
