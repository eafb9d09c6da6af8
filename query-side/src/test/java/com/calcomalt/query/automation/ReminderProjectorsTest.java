package com.calcomalt.query.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.automation.PendingBookingReminderIds;
import com.calcomalt.contracts.automation.PendingBookingReminderSent;
import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.automation.ReminderType;
import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowCreated;
import com.calcomalt.contracts.automation.WorkflowIds;
import com.calcomalt.contracts.automation.WorkflowMethods;
import com.calcomalt.contracts.automation.WorkflowReminderCancelled;
import com.calcomalt.contracts.automation.WorkflowReminderFailed;
import com.calcomalt.contracts.automation.WorkflowReminderIds;
import com.calcomalt.contracts.automation.WorkflowReminderRetried;
import com.calcomalt.contracts.automation.WorkflowReminderScheduled;
import com.calcomalt.contracts.automation.WorkflowReminderSendAttempted;
import com.calcomalt.contracts.automation.WorkflowReminderSent;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepAdded;
import com.calcomalt.contracts.automation.WorkflowStepRemoved;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowTemplates;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.query.scheduling.bookings.BookingFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reminder events through the event store and the ordered processor into WorkflowReminder and ReminderMail. */
class ReminderProjectorsTest extends BookingFixtures {

    private static final Instant PLANNED = Instant.parse("2026-03-29T00:59:59.250Z");
    private static final Instant DUE = Instant.parse("2026-04-02T08:00:00Z");
    private static final WorkflowStepSettings SMS = new WorkflowStepSettings(WorkflowActions.SMS_NUMBER,
            WorkflowTemplates.CUSTOM, "Soon", null, "+4915112345678", null, "Cal", false);

    private record Fixture(BookingRequested booking, int workflowId, int stepId) {
    }

    /** An accepted booking of the host's event type, through the event store. */
    private BookingRequested bookingOf(int host, Integer eventTypeId) {
        int bookingId = uniqueId();
        String uid = "reminded-" + bookingId;
        Instant start = inDays(3);
        BookingRequested event = new BookingRequested(bookingId, uid, eventTypeId, host, List.of(host), email(host),
                "Call", null, start, start.plus(Duration.ofMinutes(30)), 0, 0, null, BookingStatus.accepted, List.of(),
                Map.of(), Map.of(), Map.of(), null, uid + "@Cal.com", 0, "key-" + uid, null, null, null, null,
                CreationSource.api_v2, host, new BookingHostSnapshot(null, 30, null, email(host), "User " + host,
                "u" + host), CREATED);
        publish("Booking", BookingIds.aggregateId(uid), event);
        return event;
    }

    private Fixture bookingWithAStep() {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        BookingRequested booking = bookingOf(host, eventTypeId);
        int workflowId = uniqueId();
        int stepId = uniqueId();
        publish("Workflow", WorkflowIds.aggregateId(workflowId),
                new WorkflowCreated(workflowId, host, null, new WorkflowSettings("Remind",
                        WorkflowTriggerEvents.BEFORE_EVENT, 1, TimeUnit.hour, false)),
                new WorkflowStepAdded(workflowId, stepId, 1, SMS, PLANNED));
        return new Fixture(booking, workflowId, stepId);
    }

    private WorkflowReminderScheduled scheduled(Fixture fixture, int reminderId, String seat) {
        BookingRequested b = fixture.booking();
        String uuid = WorkflowReminderIds.uuid(b.uid(), fixture.stepId(), seat);
        return new WorkflowReminderScheduled(uuid, reminderId, fixture.workflowId(), fixture.stepId(),
                WorkflowTriggerEvents.BEFORE_EVENT, WorkflowActions.SMS_NUMBER, WorkflowMethods.SMS, DUE, seat,
                new ReminderBooking(b.uid(), b.bookingId(), b.eventTypeId(), b.title(), null, b.startTime(), b.endTime(), null, null, null,
                        null, List.of(), null, null), PLANNED);
    }

    private void publishReminder(String uuid, Object... events) {
        publish("WorkflowReminder", WorkflowReminderIds.aggregateId(uuid), events);
    }

    private Map<String, Object> row(int id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from \"WorkflowReminder\" where id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void a_reminder_row_keeps_cal_coms_flags_through_its_life() {
        Fixture fixture = bookingWithAStep();
        int id = uniqueId();
        WorkflowReminderScheduled scheduled = scheduled(fixture, id, "seat-1");
        publishReminder(scheduled.uuid(), scheduled);
        awaitProjectionsCaughtUp();

        assertThat(row(id)).containsEntry("bookingUid", fixture.booking().uid()).containsEntry("method", "SMS")
                .containsEntry("scheduledDate", at(DUE)).containsEntry("referenceId", null)
                .containsEntry("scheduled", false).containsEntry("workflowStepId", fixture.stepId())
                .containsEntry("cancelled", null).containsEntry("seatReferenceId", "seat-1")
                .containsEntry("isMandatoryReminder", false).containsEntry("retryCount", 0)
                .containsEntry("uuid", scheduled.uuid());

        publishReminder(scheduled.uuid(), new WorkflowReminderSendAttempted(scheduled.uuid(), id, DUE));
        awaitProjectionsCaughtUp();
        assertThat(row(id)).as("handed to the sender").containsEntry("scheduled", true).containsEntry("referenceId", null);

        publishReminder(scheduled.uuid(), new WorkflowReminderFailed(scheduled.uuid(), id, "refused", DUE),
                new WorkflowReminderRetried(scheduled.uuid(), id, DUE.plusSeconds(600)));
        awaitProjectionsCaughtUp();
        assertThat(row(id)).containsEntry("scheduled", false).containsEntry("retryCount", 1)
                .containsEntry("scheduledDate", at(DUE.plusSeconds(600)));

        publishReminder(scheduled.uuid(), new WorkflowReminderSendAttempted(scheduled.uuid(), id, DUE.plusSeconds(600)),
                new WorkflowReminderSent(scheduled.uuid(), id, "SM123", DUE.plusSeconds(601)));
        awaitProjectionsCaughtUp();
        assertThat(row(id)).containsEntry("scheduled", true).containsEntry("referenceId", "SM123")
                .containsEntry("retryCount", 1).containsEntry("cancelled", null);
    }

    @Test
    void a_cancelled_reminder_keeps_its_row_marked_cancelled() {
        Fixture fixture = bookingWithAStep();
        int id = uniqueId();
        WorkflowReminderScheduled scheduled = scheduled(fixture, id, null);
        publishReminder(scheduled.uuid(), scheduled, new WorkflowReminderCancelled(scheduled.uuid(), id, "cancelled", DUE));
        awaitProjectionsCaughtUp();

        assertThat(row(id)).containsEntry("cancelled", true).containsEntry("scheduled", false);
    }

    @Test
    void removing_a_step_takes_its_reminders_and_a_reminder_of_a_removed_step_gets_no_row() {
        Fixture fixture = bookingWithAStep();
        int id = uniqueId();
        WorkflowReminderScheduled scheduled = scheduled(fixture, id, null);
        publishReminder(scheduled.uuid(), scheduled);
        publish("Workflow", WorkflowIds.aggregateId(fixture.workflowId()),
                new WorkflowStepRemoved(fixture.workflowId(), fixture.stepId()));
        int late = uniqueId();
        WorkflowReminderScheduled afterRemoval = scheduled(fixture, late, "seat-2");
        publishReminder(afterRemoval.uuid(), afterRemoval);
        publishReminder(scheduled.uuid(), new WorkflowReminderCancelled(scheduled.uuid(), id, "step gone", DUE));
        awaitProjectionsCaughtUp();

        assertThat(row(id)).as("cal.com's cascade from WorkflowStep").isNull();
        assertThat(row(late)).isNull();
    }

    @Test
    void a_hosts_reminder_mail_row_is_written_once() {
        BookingRequested booking = bookingOf(user(), null);
        int id = uniqueId();
        PendingBookingReminderSent sent = new PendingBookingReminderSent(id, booking.uid(), booking.bookingId(),
                ReminderType.PENDING_BOOKING_CONFIRMATION, 180, PLANNED);
        publish("PendingBookingReminder", PendingBookingReminderIds.aggregateId(booking.uid(), 180), sent, sent);
        awaitProjectionsCaughtUp();

        assertThat(jdbc.queryForList("select * from \"ReminderMail\" where id = ?", id)).containsExactly(Map.of(
                "id", id, "referenceId", booking.bookingId(), "reminderType", "PENDING_BOOKING_CONFIRMATION",
                "elapsedMinutes", 180, "createdAt", at(PLANNED)));
    }
}
