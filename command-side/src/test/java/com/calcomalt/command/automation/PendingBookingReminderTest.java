package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.CancelPendingBookingReminder;
import com.calcomalt.contracts.automation.PendingBookingReminderCancelled;
import com.calcomalt.contracts.automation.PendingBookingReminderScheduled;
import com.calcomalt.contracts.automation.PendingBookingReminderSent;
import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.automation.ReminderType;
import com.calcomalt.contracts.automation.SchedulePendingBookingReminder;
import com.calcomalt.contracts.automation.SendPendingBookingReminder;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PendingBookingReminderTest {

    private static final Instant MADE = Instant.parse("2027-03-01T10:00:00.123Z");
    private static final Instant DUE = MADE.plusSeconds(3 * 3600);
    private static final ReminderBooking BOOKING = new ReminderBooking("bk-9", 19, 3, "Intro", null,
            Instant.parse("2027-03-05T09:00:00Z"), Instant.parse("2027-03-05T09:30:00Z"), null, "Hanna Host",
            "hanna@example.com", "Europe/Berlin", List.of(), null, null);
    private static final PendingBookingReminderScheduled SCHEDULED = new PendingBookingReminderScheduled("bk-9", 19,
            180, DUE, BOOKING, MADE);

    private AggregateTestFixture<PendingBookingReminder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PendingBookingReminder.class);
    }

    @Test
    void the_hosts_reminder_is_planned() {
        fixture.givenNoPriorActivity()
                .when(new SchedulePendingBookingReminder("bk-9", 180, DUE, BOOKING, MADE))
                .expectEvents(SCHEDULED);
    }

    @Test
    void planning_it_twice_is_refused() {
        fixture.given(SCHEDULED)
                .when(new SchedulePendingBookingReminder("bk-9", 180, DUE, BOOKING, MADE))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_reminder_about_another_booking_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SchedulePendingBookingReminder("bk-8", 180, DUE, BOOKING, MADE))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void a_reminder_without_a_delay_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SchedulePendingBookingReminder("bk-9", 0, DUE, BOOKING, MADE))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void sending_records_the_reminder_mail_row_and_answers_the_booking() {
        fixture.given(SCHEDULED)
                .when(new SendPendingBookingReminder("bk-9", 180, 77, DUE))
                .expectEvents(new PendingBookingReminderSent(77, "bk-9", 19, ReminderType.PENDING_BOOKING_CONFIRMATION,
                        180, DUE))
                .expectResultMessagePayload(BOOKING);
    }

    @Test
    void sending_it_a_second_time_is_refused() {
        fixture.given(SCHEDULED, new PendingBookingReminderSent(77, "bk-9", 19,
                        ReminderType.PENDING_BOOKING_CONFIRMATION, 180, DUE))
                .when(new SendPendingBookingReminder("bk-9", 180, 78, DUE))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_confirmed_booking_cancels_the_reminder_and_it_is_never_sent() {
        fixture.given(SCHEDULED)
                .when(new CancelPendingBookingReminder("bk-9", 180, "confirmed", MADE))
                .expectEvents(new PendingBookingReminderCancelled("bk-9", 180, "confirmed", MADE));
        fixture.given(SCHEDULED, new PendingBookingReminderCancelled("bk-9", 180, "confirmed", MADE))
                .when(new SendPendingBookingReminder("bk-9", 180, 77, DUE))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void cancelling_a_sent_reminder_is_refused() {
        fixture.given(SCHEDULED, new PendingBookingReminderSent(77, "bk-9", 19,
                        ReminderType.PENDING_BOOKING_CONFIRMATION, 180, DUE))
                .when(new CancelPendingBookingReminder("bk-9", 180, "confirmed", MADE))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    /** cal.com's ReminderMail row is all the import knows of a reminder: the reminder sent, nothing before it. */
    private static final PendingBookingReminderSent IMPORTED = new PendingBookingReminderSent(901, "bk-9", 19,
            ReminderType.PENDING_BOOKING_CONFIRMATION, 180, Instant.parse("2027-03-01T13:00:04.250Z"));

    @Test
    void a_reminder_imported_as_sent_is_not_planned_again() {
        fixture.given(IMPORTED)
                .when(new SchedulePendingBookingReminder("bk-9", 180, DUE, BOOKING, MADE))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_reminder_imported_as_sent_is_not_sent_again_nor_cancelled() {
        fixture.given(IMPORTED)
                .when(new SendPendingBookingReminder("bk-9", 180, 78, DUE))
                .expectException(DomainConflict.class)
                .expectNoEvents();
        fixture.given(IMPORTED)
                .when(new CancelPendingBookingReminder("bk-9", 180, "confirmed", MADE))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }
}
