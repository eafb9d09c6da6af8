package com.calcomalt.contracts.scheduling;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * cal.com's older owners of hours: an Availability row may name a user and an event type besides its schedule,
 * which our hours never do. Only the import appends it, on the schedule's stream after the event types it names;
 * hours set anew later are rows of the schedule alone.
 */
@Revision("1")
public record AvailabilityOwnersImported(int scheduleId, List<Owners> hours) {

    public record Owners(int availabilityId, Integer userId, Integer eventTypeId) {
    }
}
