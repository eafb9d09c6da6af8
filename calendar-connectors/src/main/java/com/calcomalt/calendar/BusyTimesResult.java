package com.calcomalt.calendar;

import java.util.List;

/** What could be read, and what could not; a caller decides whether partial knowledge is enough. */
public record BusyTimesResult(List<SourcedBusy> busy, List<UnreadableCalendar> unreadable) {

    public BusyTimesResult {
        busy = List.copyOf(busy);
        unreadable = List.copyOf(unreadable);
    }
}
