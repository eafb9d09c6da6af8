package com.calcomalt.calendar.connectors;

import java.time.Instant;
import java.util.List;

/** An event to write into an external calendar; timeZone is an IANA zone id, or null for UTC. */
public record CalendarEventDraft(String uid, String title, String description, String location, Instant start,
        Instant end, String timeZone, Person organizer, List<Person> attendees) {

    public CalendarEventDraft {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    public record Person(String name, String email) {
    }
}
