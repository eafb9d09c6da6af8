/** Calendar Integration: connected calendars, selected and destination calendars, delegation credentials. */
package com.calcomalt.command.calendar;
