package com.calcomalt.rules.scheduling;

import com.calcomalt.contracts.scheduling.BookingAttendeeView;
import com.calcomalt.contracts.scheduling.BookingEventTypeRef;
import com.calcomalt.contracts.scheduling.BookingHostView;
import com.calcomalt.contracts.scheduling.BookingPaymentView;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingSeatView;
import com.calcomalt.contracts.scheduling.BookingView;
import com.calcomalt.rules.scheduling.BookingState.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one place that says how a booking looks in cal.com API v2, for the command's answer (folded
 * from the booking's events) and for the reads (from the Booking tables) alike, as cal.com's
 * {@code OutputBookingsService_2024_08_13.getOutputBooking} builds it:
 * <ul>
 * <li>{@code reschedulingReason} is only what the booker gave when moving it, read from the new
 *     booking's responses; the booking moved away tells why in its {@code cancellationReason}.</li>
 * <li>{@code guests} are the email strings of the responses' guests (cal.com's response schema has
 *     them as strings; anything else is not a guest).</li>
 * <li>{@code cancellationReason} is the Booking's own: a declined booking's reason is its
 *     rejectionReason, which cal.com does not show as a cancellation.</li>
 * <li>{@code meetingUrl} is the video call kept in the metadata, or else the location.</li>
 * </ul>
 */
public final class BookingViewBuilder {

    private BookingViewBuilder() {
    }

    /** What a booking was made with, as its BookingRequested carried it and the Booking row keeps it. */
    public record Made(int id, String uid, String title, String description, String fromReschedule, Instant start,
                       Instant end, Integer eventTypeId, String location, Instant createdAt,
                       Map<String, Object> metadata, String iCalUID, Map<String, Object> responses) {

        public static Made of(BookingRequested event) {
            return new Made(event.bookingId(), event.uid(), event.title(), event.description(),
                    event.fromReschedule(), event.startTime(), event.endTime(), event.eventTypeId(), event.location(),
                    event.createdAt(), event.metadata() == null ? Map.of() : event.metadata(), event.iCalUID(),
                    event.responses() == null ? Map.of() : event.responses());
        }
    }

    /**
     * @param hosts         the organizer first, then the other hosts
     * @param eventTypeSlug the slug of the booking's event type, if it still has one
     * @param attendees     the attendees who are not hosts, in the order they came
     * @param payments      the booking's payments as the caller may see them
     */
    public static BookingView view(Made made, Lifecycle lifecycle, List<BookingHostView> hosts, String eventTypeSlug,
                                   List<BookingAttendeeView> attendees, List<BookingSeatView> seats,
                                   List<BookingPaymentView> payments) {
        Map<String, Object> responses = made.responses();
        Map<String, Object> metadata = made.metadata();
        return new BookingView(made.id(), made.uid(), made.title(), made.description(), hosts,
                lifecycle.status().name(), lifecycle.cancellationReason(), lifecycle.cancelledBy(),
                responses != null && responses.get("rescheduleReason") instanceof String reason ? reason : null,
                lifecycle.rescheduledBy(), made.fromReschedule(), lifecycle.rescheduledTo(), made.start(), made.end(),
                (int) Duration.between(made.start(), made.end()).toMinutes(), made.eventTypeId(),
                made.eventTypeId() == null ? null : new BookingEventTypeRef(made.eventTypeId(), eventTypeSlug),
                metadata != null && metadata.get("videoCallUrl") instanceof String url ? url : made.location(),
                made.location(), lifecycle.noShowHost(), made.createdAt(), lifecycle.updatedAt(), metadata,
                lifecycle.rating(), made.iCalUID(), attendees, guests(responses), responses, seats, lifecycle.paid(),
                payments);
    }

    private static List<String> guests(Map<String, Object> responses) {
        if (responses != null && responses.get("guests") instanceof List<?> guests) {
            return guests.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
