package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.calendar.UnavailableCalendar;
import java.util.List;
import java.util.Map;

/**
 * Free start times by date ("2026-10-25"), each an ISO time with the requested zone's offset, as cal.com API v2 shows them,
 * and the hosts' calendars that could not be read for them.
 */
public record AvailableSlots(Map<String, List<Slot>> slots, List<UnavailableCalendar> unavailableCalendars) {

    public record Slot(String start, String end) {
    }
}
