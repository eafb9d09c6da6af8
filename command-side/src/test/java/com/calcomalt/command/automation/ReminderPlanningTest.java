package com.calcomalt.command.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.command.support.CallerCommands;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.automation.CreateWorkflow;
import com.calcomalt.contracts.automation.NewWorkflowStep;
import com.calcomalt.contracts.automation.PendingBookingReminderIds;
import com.calcomalt.contracts.automation.PendingBookingReminderSent;
import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.automation.ReminderType;
import com.calcomalt.contracts.automation.RemoveWorkflowStep;
import com.calcomalt.contracts.automation.SetWorkflowActivation;
import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowMethods;
import com.calcomalt.contracts.automation.WorkflowReminderIds;
import com.calcomalt.contracts.automation.WorkflowReminderScheduled;
import com.calcomalt.contracts.automation.WorkflowReminderSendAttempted;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Booking events through the event store into the planner, the durable scheduler and the reminder
 * task, on real PostgreSQL; the senders are the recording ones of {@link RecordingReminderSenders}.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ReminderPlanningTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    IdAllocator ids;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    ReminderPlanner planner;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private CallerCommands callers;

    @BeforeEach
    void callers() {
        callers = new CallerCommands(commands, ids);
    }

    @AfterEach
    void noCrashLeftArmed() {
        RecordingReminderSenders.CRASH_AFTER_NEXT_SEND.set(false);
    }

    private <R> R send(Object command, Caller caller) {
        return callers.send(command, caller);
    }

    private Caller user() {
        return callers.user("r", "Europe/Berlin");
    }

    private int eventType(Caller owner) {
        return callers.eventType(owner);
    }

    /** A workflow of one step, active on the event type; answers the step's id. */
    private int workflow(Caller owner, int eventTypeId, WorkflowTriggerEvents trigger, Integer time, TimeUnit unit,
                         WorkflowStepSettings step) {
        int workflowId = ids.next("Workflow");
        int stepId = ids.next("WorkflowStep");
        send(new CreateWorkflow(workflowId, owner.userId(), null, new WorkflowSettings("Remind", trigger, time, unit,
                false), List.of(new NewWorkflowStep(stepId, step))), owner);
        send(new SetWorkflowActivation(workflowId, List.of(eventTypeId), List.of(), ids.next("WorkflowsOnEventTypes", 1),
                List.of()), owner);
        return stepId;
    }

    private static WorkflowStepSettings email(WorkflowActions action, String subject, String body) {
        return new WorkflowStepSettings(action, null, body, subject, null, null, null, null);
    }

    private BookingRequested booking(Caller host, int eventTypeId, Instant start, String attendeeEmail) {
        return booking(host, eventTypeId, start, attendeeEmail, BookingStatus.accepted);
    }

    private BookingRequested booking(Caller host, int eventTypeId, Instant start, String attendeeEmail,
                                     BookingStatus status) {
        int bookingId = ids.next("Booking");
        String uid = "rp-" + bookingId + "-" + tag;
        return new BookingRequested(bookingId, uid, eventTypeId, host.userId(), List.of(host.userId()),
                "host" + host.userId() + "@example.com", "Intro call", "Bring the figures", start,
                start.plus(Duration.ofMinutes(30)), 0, 0, "Office Berlin", status,
                List.of(new BookingAttendee(ids.next("Attendee"), "Ada Lovelace", attendeeEmail, "America/New_York", "en",
                        null)), Map.of(), Map.of(), Map.of(), null, uid + "@cal.com", 0, null, null, null, null, null,
                CreationSource.api_v2, host.userId(),
                new BookingHostSnapshot(null, 30, null, "host" + host.userId() + "@example.com", "Hanna Host", "hanna"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private void publish(String aggregateId, Object... payloads) {
        publish("Booking", aggregateId, Map.of(), payloads);
    }

    /** As the import appends cal.com's story: metadata imported=calcom. */
    private void publishImported(String type, String aggregateId, Object... payloads) {
        publish(type, aggregateId, Map.of("imported", "calcom"), payloads);
    }

    private void publish(String type, String aggregateId, Map<String, ?> metaData, Object... payloads) {
        Long last = jdbc.queryForObject(
                "select max(sequence_number) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        long sequence = last == null ? 0 : last + 1;
        for (Object payload : payloads) {
            eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence++, payload, metaData));
        }
    }

    private List<String> reminderEvents(String uuid) {
        return events(WorkflowReminderIds.aggregateId(uuid));
    }

    private List<String> events(String aggregateId) {
        return jdbc.queryForList("""
                select payload_type from eventstore.domain_event_entry where aggregate_identifier = ?
                order by sequence_number""", String.class, aggregateId)
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private Instant task(String uuid) {
        List<OffsetDateTime> times = jdbc.queryForList("""
                select execution_time from scheduler.scheduled_tasks where task_name = 'workflow-reminder'
                and task_instance = ?""", OffsetDateTime.class, uuid);
        return times.isEmpty() ? null : times.get(0).toInstant();
    }

    // ----------------------------------------------------------------------------------------------

    @Test
    void a_before_event_reminder_waits_in_scheduled_tasks_until_its_time_and_goes_with_a_cancelled_booking() {
        Caller hanna = user();
        int eventTypeId = eventType(hanna);
        int stepId = workflow(hanna, eventTypeId, WorkflowTriggerEvents.BEFORE_EVENT, 2, TimeUnit.hour,
                email(WorkflowActions.EMAIL_HOST, "Soon: {EVENT_NAME}", "With {ATTENDEE}"));
        Instant start = Instant.parse("2094-06-07T08:00:00Z");
        BookingRequested booking = booking(hanna, eventTypeId, start, "ada-" + tag + "@example.com");
        String uuid = WorkflowReminderIds.uuid(booking.uid(), stepId, null);

        publish(BookingIds.aggregateId(booking.uid()), booking);

        await().atMost(Duration.ofSeconds(10)).until(() -> task(uuid) != null);
        assertThat(task(uuid)).as("a durable row, due two hours before the start").isEqualTo(start.minus(Duration.ofHours(2)));
        assertThat(reminderEvents(uuid)).containsExactly("WorkflowReminderScheduled");

        publish(BookingIds.aggregateId(booking.uid()), new BookingCancelled(booking.uid(), booking.bookingId(), "Ill",
                "ada@example.com", Instant.now().truncatedTo(ChronoUnit.MILLIS)));

        await().atMost(Duration.ofSeconds(10)).until(() -> task(uuid) == null);
        assertThat(reminderEvents(uuid)).containsExactly("WorkflowReminderScheduled", "WorkflowReminderCancelled");
        assertThat(RecordingReminderSenders.emailsTo("host" + hanna.userId() + "@example.com")).isEmpty();
    }

    @Test
    void a_workflow_activated_after_bookings_were_made_plans_the_reminders_still_to_come() {
        Caller hanna = user();
        int eventTypeId = eventType(hanna);
        Instant start = Instant.parse("2094-06-10T08:00:00Z");
        BookingRequested upcoming = booking(hanna, eventTypeId, start, "ada-late-" + tag + "@example.com");
        BookingRequested cancelled = booking(hanna, eventTypeId, start.plus(Duration.ofDays(1)),
                "bob-late-" + tag + "@example.com");
        publish(BookingIds.aggregateId(upcoming.uid()), upcoming);
        publish(BookingIds.aggregateId(cancelled.uid()), cancelled, new BookingCancelled(cancelled.uid(),
                cancelled.bookingId(), "Ill", "bob@example.com", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        // "After the bookings were made" as the planner sees them: it decides with the workflows as they are now.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "select status from automation.reminder_bookings where booking_uid = ?", String.class, cancelled.uid())
                .contains("cancelled"));

        int stepId = workflow(hanna, eventTypeId, WorkflowTriggerEvents.BEFORE_EVENT, 1, TimeUnit.hour,
                email(WorkflowActions.EMAIL_HOST, "Soon: {EVENT_NAME}", "With {ATTENDEE}"));

        String uuid = WorkflowReminderIds.uuid(upcoming.uid(), stepId, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> task(uuid) != null);
        assertThat(task(uuid)).isEqualTo(start.minus(Duration.ofHours(1)));
        assertThat(reminderEvents(uuid)).containsExactly("WorkflowReminderScheduled");
        assertThat(reminderEvents(WorkflowReminderIds.uuid(cancelled.uid(), stepId, null)))
                .as("a cancelled booking gets none").isEmpty();
    }

    @Test
    void a_new_event_reminder_is_sent_once_with_its_variables_filled_for_the_attendee() {
        Caller hanna = user();
        int eventTypeId = eventType(hanna);
        int stepId = workflow(hanna, eventTypeId, WorkflowTriggerEvents.NEW_EVENT, null, null,
                email(WorkflowActions.EMAIL_ATTENDEE, "{EVENT_NAME} with {ORGANIZER}",
                        "Hi {ATTENDEE_FIRST_NAME}, {EVENT_DATE} at {EVENT_TIME} ({TIMEZONE}) in {LOCATION}."));
        String ada = "ada-" + tag + "@example.com";
        BookingRequested booking = booking(hanna, eventTypeId, Instant.parse("2094-06-08T14:00:00Z"), ada);
        String uuid = WorkflowReminderIds.uuid(booking.uid(), stepId, null);

        publish(BookingIds.aggregateId(booking.uid()), booking);

        await().atMost(Duration.ofSeconds(10)).until(() -> reminderEvents(uuid).contains("WorkflowReminderSent"));
        assertThat(reminderEvents(uuid)).containsExactly("WorkflowReminderScheduled", "WorkflowReminderSendAttempted",
                "WorkflowReminderSent");
        List<ReminderEmail> sent = RecordingReminderSenders.emailsTo(ada);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).subject()).isEqualTo("Intro call with Hanna Host");
        assertThat(sent.get(0).body()).isEqualTo("Hi Ada, Tue, Jun 8, 2094 at 10:00AM (America/New_York) in Office Berlin.");
        assertThat(task(uuid)).as("a one-time task is gone once it ran").isNull();
    }

    @Test
    void a_reminder_whose_run_crashed_after_sending_is_not_sent_by_the_next_run() {
        Caller hanna = user();
        int eventTypeId = eventType(hanna);
        int stepId = workflow(hanna, eventTypeId, WorkflowTriggerEvents.NEW_EVENT, null, null,
                email(WorkflowActions.EMAIL_ATTENDEE, "Booked: {EVENT_NAME}", "See you"));
        String ada = "ada-crash-" + tag + "@example.com";
        BookingRequested booking = booking(hanna, eventTypeId, Instant.parse("2094-06-09T14:00:00Z"), ada);
        String uuid = WorkflowReminderIds.uuid(booking.uid(), stepId, null);
        RecordingReminderSenders.CRASH_AFTER_NEXT_SEND.set(true);

        publish(BookingIds.aggregateId(booking.uid()), booking);

        await().atMost(Duration.ofSeconds(10)).until(() -> RecordingReminderSenders.emailsTo(ada).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> task(uuid) != null
                && task(uuid).isAfter(Instant.now().plus(Duration.ofMinutes(1))));
        assertThat(reminderEvents(uuid)).as("the claim is stored; the outcome never was")
                .containsExactly("WorkflowReminderScheduled", "WorkflowReminderSendAttempted");

        // db-scheduler would run it again later; make that now
        jdbc.update("update scheduler.scheduled_tasks set execution_time = now() where task_name = 'workflow-reminder'"
                + " and task_instance = ?", uuid);
        await().atMost(Duration.ofSeconds(10)).until(() -> task(uuid) == null);

        assertThat(RecordingReminderSenders.emailsTo(ada)).as("sent at most once").hasSize(1);
        assertThat(reminderEvents(uuid)).as("left as attempted without outcome, for an operator")
                .containsExactly("WorkflowReminderScheduled", "WorkflowReminderSendAttempted");
    }

    @Test
    void seeing_a_booking_event_again_plans_nothing_twice() {
        Caller hanna = user();
        int eventTypeId = eventType(hanna);
        int stepId = workflow(hanna, eventTypeId, WorkflowTriggerEvents.AFTER_EVENT, 1, TimeUnit.day,
                new WorkflowStepSettings(WorkflowActions.SMS_NUMBER, null, "Thanks {ATTENDEE}", null, "+4915112345678",
                        true, null, null));
        Instant start = Instant.parse("2094-06-10T08:00:00Z");
        BookingRequested booking = booking(hanna, eventTypeId, start, "ada-again-" + tag + "@example.com");
        String uuid = WorkflowReminderIds.uuid(booking.uid(), stepId, null);
        publish(BookingIds.aggregateId(booking.uid()), booking);
        await().atMost(Duration.ofSeconds(10)).until(() -> task(uuid) != null);
        assertThat(task(uuid)).isEqualTo(start.plus(Duration.ofMinutes(30)).plus(Duration.ofDays(1)));

        // as if the planner's own tables had not kept it: the reminder's id alone stops a second one
        jdbc.update("delete from automation.planned_reminders where booking_uid = ?", booking.uid());
        jdbc.update("delete from automation.reminder_bookings where booking_uid = ?", booking.uid());
        planner.on(booking);

        assertThat(jdbc.queryForObject("select count(*) from automation.planned_reminders where booking_uid = ?",
                Integer.class, booking.uid())).isEqualTo(1);

        assertThat(reminderEvents(uuid)).containsExactly("WorkflowReminderScheduled");
        assertThat(jdbc.queryForObject("select count(*) from scheduler.scheduled_tasks where task_instance = ?",
                Integer.class, uuid)).isEqualTo(1);
    }

    @Test
    void a_reminder_imported_under_cal_coms_uuid_is_not_planned_again_for_its_booking_step_and_seat() {
        Caller hanna = user();
        int eventTypeId = eventType(hanna);
        int stepId = workflow(hanna, eventTypeId, WorkflowTriggerEvents.BEFORE_EVENT, 1, TimeUnit.hour,
                email(WorkflowActions.EMAIL_HOST, "Soon", "With {ATTENDEE}"));
        BookingRequested booking = booking(hanna, eventTypeId, Instant.parse("2094-06-11T08:00:00Z"),
                "ada-imported-" + tag + "@example.com");
        String calcomUuid = UUID.randomUUID().toString();
        // What the registry of imported reminders keeps of one, named by cal.com's uuid.
        jdbc.update("""
                insert into automation.planned_reminders (task_instance, kind, reminder_key, booking_uid,
                    seat_reference_id, workflow_id, workflow_step_id) values (?, 'WORKFLOW', ?, ?, null, 0, ?)""",
                calcomUuid, calcomUuid, booking.uid(), stepId);

        planner.on(booking);

        String ours = WorkflowReminderIds.uuid(booking.uid(), stepId, null);
        assertThat(jdbc.queryForList("select task_instance from automation.planned_reminders where booking_uid = ?",
                String.class, booking.uid())).containsExactly(calcomUuid);
        assertThat(reminderEvents(ours)).as("no second reminder of the booking and step").isEmpty();
        assertThat(task(ours)).isNull();
    }

    @Test
    void a_reminder_of_a_removed_step_is_cancelled_when_due_instead_of_sent() {
        Caller hanna = user();
        int eventTypeId = eventType(hanna);
        int stepId = workflow(hanna, eventTypeId, WorkflowTriggerEvents.BEFORE_EVENT, 1, TimeUnit.hour,
                email(WorkflowActions.EMAIL_HOST, "Soon", "Soon"));
        int workflowId = jdbc.queryForObject(
                "select workflow_id from command_side.workflows where steps @> ?::jsonb", Integer.class,
                "[{\"id\": " + stepId + "}]");
        BookingRequested booking = booking(hanna, eventTypeId, Instant.parse("2094-06-11T08:00:00Z"),
                "ada-removed-" + tag + "@example.com");
        String uuid = WorkflowReminderIds.uuid(booking.uid(), stepId, null);
        publish(BookingIds.aggregateId(booking.uid()), booking);
        await().atMost(Duration.ofSeconds(10)).until(() -> task(uuid) != null);

        int other = ids.next("WorkflowStep");
        send(new com.calcomalt.contracts.automation.AddWorkflowStep(workflowId, other, null,
                email(WorkflowActions.EMAIL_HOST, "x", "x")), hanna);
        send(new RemoveWorkflowStep(workflowId, stepId), hanna);
        jdbc.update("update scheduler.scheduled_tasks set execution_time = now() where task_instance = ?", uuid);
        await().atMost(Duration.ofSeconds(10)).until(() -> task(uuid) == null);

        assertThat(reminderEvents(uuid)).containsExactly("WorkflowReminderScheduled", "WorkflowReminderCancelled");
        assertThat(RecordingReminderSenders.emailsTo("host" + hanna.userId() + "@example.com")).isEmpty();
    }

    @Test
    void a_reminder_of_a_workflow_no_longer_active_on_the_event_type_is_cancelled_when_due() {
        Caller hanna = user();
        int eventTypeId = eventType(hanna);
        int stepId = workflow(hanna, eventTypeId, WorkflowTriggerEvents.BEFORE_EVENT, 1, TimeUnit.hour,
                email(WorkflowActions.EMAIL_HOST, "Soon", "Soon"));
        int workflowId = jdbc.queryForObject(
                "select workflow_id from command_side.workflows where steps @> ?::jsonb", Integer.class,
                "[{\"id\": " + stepId + "}]");
        BookingRequested booking = booking(hanna, eventTypeId, Instant.parse("2094-06-14T08:00:00Z"),
                "ada-inactive-" + tag + "@example.com");
        String uuid = WorkflowReminderIds.uuid(booking.uid(), stepId, null);
        publish(BookingIds.aggregateId(booking.uid()), booking);
        await().atMost(Duration.ofSeconds(10)).until(() -> task(uuid) != null);

        send(new SetWorkflowActivation(workflowId, List.of(), List.of(), List.of(), List.of()), hanna);
        jdbc.update("update scheduler.scheduled_tasks set execution_time = now() where task_instance = ?", uuid);
        await().atMost(Duration.ofSeconds(10)).until(() -> task(uuid) == null);

        assertThat(reminderEvents(uuid)).containsExactly("WorkflowReminderScheduled", "WorkflowReminderCancelled");
        assertThat(RecordingReminderSenders.emailsTo("host" + hanna.userId() + "@example.com")).isEmpty();
    }

    /**
     * An imported booking is known to the planner: its later changes here plan its reminders as a native
     * booking's, but not those cal.com had already handed to its sender (WorkflowReminder scheduled) or sent (a
     * ReminderMail row).
     */
    @Test
    void an_imported_booking_is_planned_on_its_later_changes_without_what_calcom_had_sent() {
        Caller hanna = user();
        int eventTypeId = eventType(hanna);
        int handedOver = workflow(hanna, eventTypeId, WorkflowTriggerEvents.BEFORE_EVENT, 2, TimeUnit.hour,
                email(WorkflowActions.EMAIL_HOST, "Soon", "Soon"));
        int stillToPlan = workflow(hanna, eventTypeId, WorkflowTriggerEvents.AFTER_EVENT, 1, TimeUnit.hour,
                email(WorkflowActions.EMAIL_HOST, "Thanks", "Thanks"));
        int handedOverWorkflow = jdbc.queryForObject(
                "select workflow_id from command_side.workflows where steps @> ?::jsonb", Integer.class,
                "[{\"id\": " + handedOver + "}]");
        Instant start = Instant.parse("2094-06-15T08:00:00Z");
        BookingRequested imported = booking(hanna, eventTypeId, start, "ada-imported-" + tag + "@example.com",
                BookingStatus.pending);
        String uid = imported.uid();
        String bookingAggregate = BookingIds.aggregateId(uid);
        publishImported("Booking", bookingAggregate, imported);
        String handedOverUuid = WorkflowReminderIds.uuid(uid, handedOver, null);
        ReminderBooking about = new ReminderBooking(uid, imported.bookingId(), eventTypeId, imported.title(),
                imported.description(), start, imported.endTime(), imported.location(), "Hanna Host",
                "host" + hanna.userId() + "@example.com", "Europe/Berlin", imported.attendees(), null, null);
        int reminderId = ids.next("WorkflowReminder");
        publishImported("WorkflowReminder", WorkflowReminderIds.aggregateId(handedOverUuid),
                new WorkflowReminderScheduled(handedOverUuid, reminderId, handedOverWorkflow,
                        handedOver, WorkflowTriggerEvents.BEFORE_EVENT, WorkflowActions.EMAIL_HOST,
                        WorkflowMethods.EMAIL, start.minus(Duration.ofHours(2)), null, about, imported.createdAt()),
                new WorkflowReminderSendAttempted(handedOverUuid, reminderId, imported.createdAt()));
        publishImported("PendingBookingReminder", PendingBookingReminderIds.aggregateId(uid, 180),
                new PendingBookingReminderSent(ids.next("ReminderMail"), uid, imported.bookingId(),
                        ReminderType.PENDING_BOOKING_CONFIRMATION, 180, imported.createdAt()));
        assertThat(jdbc.queryForObject("select status from automation.reminder_bookings where booking_uid = ?",
                String.class, uid)).as("known to the planner from the import's own transaction").isEqualTo("pending");

        // Paid here, still awaiting the host: the host's reminders from the payment on, but not cal.com's one again.
        publish(bookingAggregate, new BookingPaid(uid, imported.bookingId(), "pay-" + tag, BookingStatus.pending,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingTask(uid, 1440) && pendingTask(uid, 2880));
        assertThat(pendingTask(uid, 180)).as("cal.com sent the three-hour reminder").isFalse();
        assertThat(events(PendingBookingReminderIds.aggregateId(uid, 180))).containsExactly(
                "PendingBookingReminderSent");

        // Confirmed here: planned as an accepted booking, but the reminder cal.com handed over is not planned again.
        publish(bookingAggregate, new BookingConfirmed(uid, imported.bookingId(), hanna.userId(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        String planned = WorkflowReminderIds.uuid(uid, stillToPlan, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> task(planned) != null);
        assertThat(task(planned)).isEqualTo(imported.endTime().plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !pendingTask(uid, 1440) && !pendingTask(uid, 2880));
        assertThat(reminderEvents(handedOverUuid)).as("cal.com's reminder stays as imported")
                .containsExactly("WorkflowReminderScheduled", "WorkflowReminderSendAttempted");
        assertThat(task(handedOverUuid)).isNull();
        assertThat(RecordingReminderSenders.emailsTo("host" + hanna.userId() + "@example.com")).isEmpty();
    }

    private boolean pendingTask(String bookingUid, int minutes) {
        return jdbc.queryForObject("""
                select count(*) from scheduler.scheduled_tasks where task_name = 'pending-booking-reminder'
                and task_instance = ?""", Integer.class, bookingUid + ":" + minutes) == 1;
    }
}
