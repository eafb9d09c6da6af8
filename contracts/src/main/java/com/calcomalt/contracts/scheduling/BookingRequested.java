package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.CreationSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A booking was made, ACCEPTED or PENDING, with every column of its Booking, Attendee, BookingSeat and Tracking rows; {@code hostIds} are every host it keeps busy, the organizer ({@code userId}) first; {@code attendees} are the booker, the guests, then the other hosts (cal.com lists a team event's other hosts as attendees); a seated booking's first seat holder is in {@code seat}, not in {@code attendees}; {@code host} is what BookingDenormalized needs; {@code bookedBy} is the user whose key made it. */
@Revision("1")
public record BookingRequested(int bookingId, String uid, Integer eventTypeId, Integer userId, List<Integer> hostIds, String userPrimaryEmail, String title, String description, Instant startTime, Instant endTime, int beforeEventBuffer, int afterEventBuffer, String location, BookingStatus status, List<BookingAttendee> attendees, Map<String, Object> responses, Map<String, Object> customInputs, Map<String, Object> metadata, String smsReminderNumber, String iCalUID, int iCalSequence, String idempotencyKey, String fromReschedule, String rescheduledBy, BookingSeatData seat, UtmParameters tracking, CreationSource creationSource, int bookedBy, BookingHostSnapshot host, Instant createdAt) implements BookingChange {

    /**
     * Metadata ("true") of a booking imported as it is though it overlaps another of one of its hosts (the
     * operator's {@code --import-rule-breaking}; cal.com allowed it): its hosts keep both ranges busy.
     */
    public static final String IMPORTED_OVERLAP = "importedOverlap";
}
