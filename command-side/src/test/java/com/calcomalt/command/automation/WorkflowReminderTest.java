package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.CancelWorkflowReminder;
import com.calcomalt.contracts.automation.MarkWorkflowReminderFailed;
import com.calcomalt.contracts.automation.MarkWorkflowReminderSent;
import com.calcomalt.contracts.automation.RecordWorkflowReminderAttempt;
import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.automation.RetryWorkflowReminder;
import com.calcomalt.contracts.automation.ScheduleWorkflowReminder;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowMethods;
import com.calcomalt.contracts.automation.WorkflowReminderCancelled;
import com.calcomalt.contracts.automation.WorkflowReminderDelivery;
import com.calcomalt.contracts.automation.WorkflowReminderFailed;
import com.calcomalt.contracts.automation.WorkflowReminderIds;
import com.calcomalt.contracts.automation.WorkflowReminderRetried;
import com.calcomalt.contracts.automation.WorkflowReminderScheduled;
import com.calcomalt.contracts.automation.WorkflowReminderSendAttempted;
import com.calcomalt.contracts.automation.WorkflowReminderSent;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkflowReminderTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00.123Z");
    private static final Instant START = Instant.parse("2027-03-05T09:00:00Z");
    private static final int STEP = 7;
    private static final ReminderBooking BOOKING = new ReminderBooking("bk-1", 11, 3, "Intro", null, START,
            START.plusSeconds(1800), "Berlin", "Hanna Host", "hanna@example.com", "Europe/Berlin",
            List.of(new BookingAttendee(5, "Ada", "ada@example.com", "Europe/Berlin", "en", null)), null, null);
    private static final String UUID = WorkflowReminderIds.uuid("bk-1", STEP, null);
    private static final WorkflowReminderScheduled SCHEDULED = new WorkflowReminderScheduled(UUID, 42, 9, STEP,
            WorkflowTriggerEvents.BEFORE_EVENT, WorkflowActions.EMAIL_ATTENDEE, WorkflowMethods.EMAIL,
            START.minusSeconds(3600), null, BOOKING, NOW);
    private static final WorkflowReminderSendAttempted ATTEMPTED = new WorkflowReminderSendAttempted(UUID, 42, NOW);

    private AggregateTestFixture<WorkflowReminder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkflowReminder.class);
    }

    private static ScheduleWorkflowReminder schedule(String uuid, WorkflowActions action) {
        return new ScheduleWorkflowReminder(uuid, 42, 9, STEP, WorkflowTriggerEvents.BEFORE_EVENT, action,
                START.minusSeconds(3600), null, BOOKING, NOW);
    }

    @Test
    void a_reminder_is_scheduled_with_the_method_of_its_action() {
        fixture.givenNoPriorActivity()
                .when(schedule(UUID, WorkflowActions.EMAIL_ATTENDEE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(SCHEDULED);
    }

    @Test
    void an_sms_step_is_reminded_by_sms_and_a_whatsapp_step_by_whatsapp() {
        fixture.givenNoPriorActivity()
                .when(schedule(UUID, WorkflowActions.SMS_NUMBER))
                .expectEvents(new WorkflowReminderScheduled(UUID, 42, 9, STEP, WorkflowTriggerEvents.BEFORE_EVENT,
                        WorkflowActions.SMS_NUMBER, WorkflowMethods.SMS, START.minusSeconds(3600), null, BOOKING, NOW));
        new AggregateTestFixture<>(WorkflowReminder.class).givenNoPriorActivity()
                .when(schedule(UUID, WorkflowActions.WHATSAPP_ATTENDEE))
                .expectEvents(new WorkflowReminderScheduled(UUID, 42, 9, STEP, WorkflowTriggerEvents.BEFORE_EVENT,
                        WorkflowActions.WHATSAPP_ATTENDEE, WorkflowMethods.WHATSAPP, START.minusSeconds(3600), null,
                        BOOKING, NOW));
    }

    @Test
    void scheduling_a_reminder_twice_is_refused_and_changes_nothing() {
        fixture.given(SCHEDULED)
                .when(schedule(UUID, WorkflowActions.EMAIL_ATTENDEE))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_uuid_not_made_from_booking_step_and_seat_is_refused() {
        fixture.givenNoPriorActivity()
                .when(schedule(WorkflowReminderIds.uuid("bk-1", STEP, "seat-1"), WorkflowActions.EMAIL_ATTENDEE))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_ai_phone_call_is_not_a_reminder() {
        fixture.givenNoPriorActivity()
                .when(schedule(UUID, WorkflowActions.CAL_AI_PHONE_CALL))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_reminder_without_a_date_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleWorkflowReminder(UUID, 42, 9, STEP, WorkflowTriggerEvents.BEFORE_EVENT,
                        WorkflowActions.EMAIL_ATTENDEE, null, null, BOOKING, NOW))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_scheduled_reminder_is_cancelled() {
        fixture.given(SCHEDULED)
                .when(new CancelWorkflowReminder(UUID, "booking cancelled", NOW))
                .expectEvents(new WorkflowReminderCancelled(UUID, 42, "booking cancelled", NOW));
    }

    @Test
    void cancelling_twice_is_refused() {
        fixture.given(SCHEDULED, new WorkflowReminderCancelled(UUID, 42, "booking cancelled", NOW))
                .when(new CancelWorkflowReminder(UUID, "again", NOW))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void cancelling_a_sent_reminder_is_refused() {
        fixture.given(SCHEDULED, ATTEMPTED, new WorkflowReminderSent(UUID, 42, "<m1@x>", NOW))
                .when(new CancelWorkflowReminder(UUID, "booking cancelled", NOW))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void cancelling_a_reminder_being_sent_is_refused() {
        fixture.given(SCHEDULED, ATTEMPTED)
                .when(new CancelWorkflowReminder(UUID, "booking cancelled", NOW))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_failed_reminder_may_be_cancelled() {
        fixture.given(SCHEDULED, ATTEMPTED, new WorkflowReminderFailed(UUID, 42, "refused", NOW))
                .when(new CancelWorkflowReminder(UUID, "booking cancelled", NOW))
                .expectEvents(new WorkflowReminderCancelled(UUID, 42, "booking cancelled", NOW));
    }

    @Test
    void a_due_reminder_is_claimed_before_sending_and_answers_what_to_send() {
        fixture.given(SCHEDULED)
                .when(new RecordWorkflowReminderAttempt(UUID, NOW))
                .expectEvents(ATTEMPTED)
                .expectResultMessagePayload(new WorkflowReminderDelivery(UUID, 42, 9, STEP,
                        WorkflowTriggerEvents.BEFORE_EVENT, WorkflowActions.EMAIL_ATTENDEE, WorkflowMethods.EMAIL, null,
                        BOOKING));
    }

    @Test
    void sending_a_cancelled_reminder_is_refused() {
        fixture.given(SCHEDULED, new WorkflowReminderCancelled(UUID, 42, "booking cancelled", NOW))
                .when(new RecordWorkflowReminderAttempt(UUID, NOW))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_second_claim_after_a_crash_while_sending_is_refused() {
        fixture.given(SCHEDULED, ATTEMPTED)
                .when(new RecordWorkflowReminderAttempt(UUID, NOW.plusSeconds(60)))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void sending_a_sent_reminder_again_is_refused() {
        fixture.given(SCHEDULED, ATTEMPTED, new WorkflowReminderSent(UUID, 42, "<m1@x>", NOW))
                .when(new RecordWorkflowReminderAttempt(UUID, NOW))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_failed_reminder_is_not_claimed_again_without_a_retry() {
        fixture.given(SCHEDULED, ATTEMPTED, new WorkflowReminderFailed(UUID, 42, "refused", NOW))
                .when(new RecordWorkflowReminderAttempt(UUID, NOW))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_claimed_reminder_is_marked_sent_with_the_senders_reference() {
        fixture.given(SCHEDULED, ATTEMPTED)
                .when(new MarkWorkflowReminderSent(UUID, "<m1@x>", NOW))
                .expectEvents(new WorkflowReminderSent(UUID, 42, "<m1@x>", NOW));
    }

    @Test
    void marking_an_unclaimed_reminder_sent_is_refused() {
        fixture.given(SCHEDULED)
                .when(new MarkWorkflowReminderSent(UUID, "<m1@x>", NOW))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_claimed_reminder_is_marked_failed() {
        fixture.given(SCHEDULED, ATTEMPTED)
                .when(new MarkWorkflowReminderFailed(UUID, "550 mailbox unavailable", NOW))
                .expectEvents(new WorkflowReminderFailed(UUID, 42, "550 mailbox unavailable", NOW));
    }

    @Test
    void marking_a_sent_reminder_failed_is_refused() {
        fixture.given(SCHEDULED, ATTEMPTED, new WorkflowReminderSent(UUID, 42, "<m1@x>", NOW))
                .when(new MarkWorkflowReminderFailed(UUID, "late", NOW))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_failed_reminder_is_retried_and_then_claimed_again() {
        fixture.given(SCHEDULED, ATTEMPTED, new WorkflowReminderFailed(UUID, 42, "refused", NOW))
                .when(new RetryWorkflowReminder(UUID, NOW.plusSeconds(60)))
                .expectEvents(new WorkflowReminderRetried(UUID, 42, NOW.plusSeconds(60)));
        fixture.given(SCHEDULED, ATTEMPTED, new WorkflowReminderFailed(UUID, 42, "refused", NOW),
                        new WorkflowReminderRetried(UUID, 42, NOW.plusSeconds(60)))
                .when(new RecordWorkflowReminderAttempt(UUID, NOW.plusSeconds(60)))
                .expectEvents(new WorkflowReminderSendAttempted(UUID, 42, NOW.plusSeconds(60)));
    }

    @Test
    void a_reminder_claimed_without_outcome_may_be_retried_by_an_operator() {
        fixture.given(SCHEDULED, ATTEMPTED)
                .when(new RetryWorkflowReminder(UUID, NOW))
                .expectEvents(new WorkflowReminderRetried(UUID, 42, NOW));
    }

    @Test
    void retrying_a_sent_or_scheduled_reminder_is_refused() {
        fixture.given(SCHEDULED, ATTEMPTED, new WorkflowReminderSent(UUID, 42, "<m1@x>", NOW))
                .when(new RetryWorkflowReminder(UUID, NOW))
                .expectException(DomainConflict.class)
                .expectNoEvents();
        fixture.given(SCHEDULED)
                .when(new RetryWorkflowReminder(UUID, NOW))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }
}
