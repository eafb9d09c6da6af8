/** Calendar Integration: connected calendars, selected and destination calendars, delegation credentials. */
package com.calcomalt.query.calendar;
