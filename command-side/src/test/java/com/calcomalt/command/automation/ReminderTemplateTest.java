package com.calcomalt.command.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderTemplateTest {

    private static final BookingAttendee ADA = new BookingAttendee(1, "Ada King Lovelace", "ada@example.com",
            "Asia/Kolkata", "en", "+441234");
    private static final ReminderBooking BOOKING = new ReminderBooking("uid-1", 5, 3, "Quarterly review",
            "Bring the figures", Instant.parse("2027-01-04T08:00:00Z"), Instant.parse("2027-01-04T08:45:00Z"),
            "https://cal.com/video/abc", "Hanna Host", "hanna@example.com", "Europe/Berlin", List.of(ADA), null,
            "Ill");

    @Test
    void each_variable_is_filled_in_the_recipients_time_zone() {
        String template = "{EVENT_NAME}|{ORGANIZER}|{ORGANIZER_NAME}|{ORGANIZER_EMAIL}|{ATTENDEE}|{ATTENDEE_NAME}|"
                + "{ATTENDEE_FIRST_NAME}|{ATTENDEE_LAST_NAME}|{ATTENDEE_EMAIL}|{EVENT_DATE}|{EVENT_TIME}|{START_TIME}|"
                + "{EVENT_END_TIME}|{TIMEZONE}|{LOCATION}|{ADDITIONAL_NOTES}|{EVENT_UID}|{CANCELLATION_REASON}";

        assertThat(ReminderTemplate.fill(template, BOOKING, ADA, "Asia/Kolkata")).isEqualTo(
                "Quarterly review|Hanna Host|Hanna Host|hanna@example.com|Ada King Lovelace|Ada King Lovelace|Ada|"
                        + "King Lovelace|ada@example.com|Mon, Jan 4, 2027|1:30PM|1:30PM|2:15PM|Asia/Kolkata|"
                        + "https://cal.com/video/abc|Bring the figures|uid-1|Ill");
    }

    @Test
    void the_date_follows_the_recipients_zone_across_midnight() {
        assertThat(ReminderTemplate.fill("{EVENT_DATE} {EVENT_TIME}", BOOKING, ADA, "America/Los_Angeles"))
                .isEqualTo("Mon, Jan 4, 2027 12:00AM");
        assertThat(ReminderTemplate.fill("{EVENT_DATE} {EVENT_TIME}", BOOKING, ADA, "Pacific/Honolulu"))
                .isEqualTo("Sun, Jan 3, 2027 10:00PM");
    }

    @Test
    void unknown_variables_stay_and_missing_values_are_empty() {
        ReminderBooking bare = new ReminderBooking("uid-2", 6, null, "Call", null, BOOKING.startTime(),
                BOOKING.endTime(), null, null, null, null, List.of(), null, null);
        assertThat(ReminderTemplate.fill("{LOCATION}/{ATTENDEE}/{NOT_A_VARIABLE}/{TIMEZONE}", bare, null, null))
                .isEqualTo("//{NOT_A_VARIABLE}/UTC");
        assertThat(ReminderTemplate.fill("{TIMEZONE}", bare, null, "Not/AZone")).isEqualTo("UTC");
    }
}
