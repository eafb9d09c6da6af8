/**
 * Scheduling, the core domain: schedules and their availability, event types and their hosts, out-of-office
 * entries, held slots and (in {@code booking}) bookings. It reads Identity and asks Calendar Integration.
 */
package com.calcomalt.command.scheduling;
