package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fills a step's emailSubject and reminderBody with cal.com's template variables, for one
 * recipient: dates and times are in the recipient's time zone, as cal.com writes them.
 *
 * <p>Supported: {EVENT_NAME}, {ORGANIZER}, {ORGANIZER_NAME}, {ORGANIZER_EMAIL}, {ATTENDEE},
 * {ATTENDEE_NAME}, {ATTENDEE_FIRST_NAME}, {ATTENDEE_LAST_NAME}, {ATTENDEE_EMAIL}, {EVENT_DATE},
 * {EVENT_TIME}, {START_TIME}, {EVENT_END_TIME}, {TIMEZONE}, {LOCATION}, {ADDITIONAL_NOTES},
 * {EVENT_UID}, {CANCELLATION_REASON}. An unknown variable stays as written.
 */
final class ReminderTemplate {

    /** cal.com's {EVENT_DATE}: "ddd, MMM D, YYYY" in dayjs. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.ENGLISH);
    /** cal.com's {EVENT_TIME}: "h:mma" (12-hour clock). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.ENGLISH);

    private static final ZoneId UTC = ZoneId.of("UTC");

    static final String DEFAULT_SUBJECT = "Reminder: {EVENT_NAME} - {EVENT_DATE} {EVENT_TIME}";
    static final String DEFAULT_BODY = "Hi {ATTENDEE},\n\nThis is a reminder about your upcoming event.\n\n"
            + "Event: {EVENT_NAME}\nDate: {EVENT_DATE} {EVENT_TIME} {TIMEZONE}\nAttendees: You & {ORGANIZER}\n"
            + "Location: {LOCATION}\n";
    static final String DEFAULT_HOST_BODY = "Hi {ORGANIZER},\n\nThis is a reminder about your upcoming event.\n\n"
            + "Event: {EVENT_NAME}\nDate: {EVENT_DATE} {EVENT_TIME} {TIMEZONE}\nAttendees: You & {ATTENDEE}\n"
            + "Location: {LOCATION}\n";

    private ReminderTemplate() {
    }

    /**
     * @param attendee the attendee the message speaks of (the first, or the seat's holder); may be null
     * @param timeZone the recipient's time zone; UTC when unknown
     */
    static String fill(String template, ReminderBooking booking, BookingAttendee attendee, String timeZone) {
        if (template == null) {
            return null;
        }
        ZoneId zone = zone(timeZone);
        String attendeeName = attendee == null || attendee.name() == null ? "" : attendee.name();
        String[] names = attendeeName.trim().split("\\s+", 2);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("EVENT_NAME", text(booking.title()));
        values.put("ORGANIZER", text(booking.organizerName()));
        values.put("ORGANIZER_NAME", text(booking.organizerName()));
        values.put("ORGANIZER_EMAIL", text(booking.organizerEmail()));
        values.put("ATTENDEE", attendeeName);
        values.put("ATTENDEE_NAME", attendeeName);
        values.put("ATTENDEE_FIRST_NAME", names[0]);
        values.put("ATTENDEE_LAST_NAME", names.length > 1 ? names[1] : "");
        values.put("ATTENDEE_EMAIL", attendee == null ? "" : text(attendee.email()));
        values.put("EVENT_DATE", DATE.format(booking.startTime().atZone(zone)));
        values.put("EVENT_TIME", time(booking.startTime(), zone));
        values.put("START_TIME", time(booking.startTime(), zone));
        values.put("EVENT_END_TIME", time(booking.endTime(), zone));
        values.put("TIMEZONE", zone.getId());
        values.put("LOCATION", text(booking.location()));
        values.put("ADDITIONAL_NOTES", text(booking.description()));
        values.put("EVENT_UID", text(booking.uid()));
        values.put("CANCELLATION_REASON", text(booking.cancellationReason()));
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    private static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? UTC : ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            return UTC;
        }
    }
}
