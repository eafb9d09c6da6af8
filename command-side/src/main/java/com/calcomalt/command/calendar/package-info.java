/**
 * Calendar Integration: connected calendars, selected and destination calendars, delegation credentials, and
 * (command side) the writing of bookings into their destination calendars.
 */
package com.calcomalt.command.calendar;
