package com.calcomalt.command.automation;

import static com.calcomalt.platform.database.Timestamps.utc;

import com.calcomalt.command.scheduling.booking.DecidedBookings;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.automation.CancelPendingBookingReminder;
import com.calcomalt.contracts.automation.CancelWorkflowReminder;
import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.automation.SchedulePendingBookingReminder;
import com.calcomalt.contracts.automation.ScheduleWorkflowReminder;
import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowActivationSet;
import com.calcomalt.contracts.automation.WorkflowReminderIds;
import com.calcomalt.contracts.automation.WorkflowStepAdded;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.contracts.automation.WorkflowUpdated;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.rules.scheduling.BookingState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plans reminders from booking events. For each booking event it finds the workflows active on the
 * booking's event type (directly, through its managed parent, on its team, or active on all of the
 * owner's), sends a command per step that plans, or cancels, a WorkflowReminder, and schedules or
 * cancels the durable task that sends it. A pending booking also gets its host's reminders that it
 * awaits confirmation (cal.com's ReminderMail), 3, 24 and 48 hours after it was made.
 *
 * <p>Its segments keep each booking's and each workflow's events in order; a workflow's change that
 * reaches bookings already made waits for the bookings other segments are planning (planUpcoming).
 *
 * <p>The commands' events, this processor's own tables and the db-scheduler rows are written in the
 * transaction that moves this processor's token: a crash redoes all of it or none. A reminder's id
 * is made from its booking, step and seat, so planning twice is a refusal that is ignored. It runs
 * apart from the projections and refuses replays: rebuilding the read side plans and sends nothing.
 */
@Component
@DisallowReplay
@ProcessingGroup(ReminderPlanner.PROCESSING_GROUP)
class ReminderPlanner {

    static final String PROCESSING_GROUP = "workflow-reminders";
    /** When cal.com's cron reminds a host of a booking still awaiting confirmation: 3, 24 and 48 hours after it was made. */
    static final List<Integer> PENDING_REMINDER_MINUTES = List.of(3 * 60, 24 * 60, 48 * 60);

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);
    private static final String IMPORTED = "imported";
    private static final TypeReference<List<WorkflowRegistry.Step>> STEPS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final SchedulerClient scheduler;
    private final IdAllocator ids;
    private final ObjectMapper json;
    private final ActiveWorkflows activeWorkflows;
    private final DecidedBookings bookings;

    ReminderPlanner(JdbcTemplate jdbc, CommandGateway commands, SchedulerClient scheduler, IdAllocator ids,
                    ObjectMapper json, ActiveWorkflows activeWorkflows, DecidedBookings bookings) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.scheduler = scheduler;
        this.ids = ids;
        this.json = json;
        this.activeWorkflows = activeWorkflows;
        this.bookings = bookings;
    }

    // ------------------------------------------------------------------ booking events

    @EventHandler
    void on(BookingRequested event) {
        ReminderBooking booking = remember(jdbc, json, event);
        String seat = event.seat() == null ? null : event.seat().referenceUid();
        Instant at = event.createdAt();
        if (event.status() == BookingStatus.pending && event.fromReschedule() == null
                && bookings.madeToBePaid(event.uid())) {
            // As cal.com: a booking waiting for its payment is planned like a new one once paid.
            plan(booking, seat, at, WorkflowTriggerEvents.BOOKING_PAYMENT_INITIATED);
            return;
        }
        if (event.fromReschedule() != null) {
            plan(booking, seat, at, WorkflowTriggerEvents.RESCHEDULE_EVENT);
        } else if (event.status() == BookingStatus.accepted) {
            plan(booking, seat, at, WorkflowTriggerEvents.NEW_EVENT);
        } else if (event.status() == BookingStatus.pending) {
            plan(booking, seat, at, WorkflowTriggerEvents.BOOKING_REQUESTED);
        }
        if (event.status() == BookingStatus.accepted) {
            plan(booking, seat, at, WorkflowTriggerEvents.BEFORE_EVENT, WorkflowTriggerEvents.AFTER_EVENT);
        } else if (event.status() == BookingStatus.pending) {
            planPendingReminders(booking, at);
        }
    }

    /** A confirmed booking is planned as an accepted one would have been, at its confirmation. */
    @EventHandler
    void on(BookingConfirmed event) {
        Optional<ReminderBooking> known = booking(event.uid());
        if (known.isEmpty()) {
            return;
        }
        ReminderBooking booking = known.get();
        status(event);
        cancelPlanned(event.uid(), "PENDING_BOOKING", null, "confirmed", event.updatedAt());
        plan(booking, firstSeat(booking), event.updatedAt(), WorkflowTriggerEvents.NEW_EVENT,
                WorkflowTriggerEvents.BEFORE_EVENT, WorkflowTriggerEvents.AFTER_EVENT);
    }

    /**
     * Paid: planned as a new booking from the payment on, or, when the host must still confirm it,
     * as one awaiting confirmation; BOOKING_PAID workflows either way.
     */
    @EventHandler
    void on(BookingPaid event) {
        Optional<ReminderBooking> known = booking(event.uid());
        if (known.isEmpty()) {
            return;
        }
        ReminderBooking booking = known.get();
        status(event);
        String seat = firstSeat(booking);
        plan(booking, seat, event.updatedAt(), WorkflowTriggerEvents.BOOKING_PAID);
        if (event.status() == BookingStatus.accepted) {
            plan(booking, seat, event.updatedAt(), WorkflowTriggerEvents.NEW_EVENT,
                    WorkflowTriggerEvents.BEFORE_EVENT, WorkflowTriggerEvents.AFTER_EVENT);
        } else {
            plan(booking, seat, event.updatedAt(), WorkflowTriggerEvents.BOOKING_REQUESTED);
            planPendingReminders(booking, event.updatedAt());
        }
    }

    /** Also for a booking the planner never saw: its reminders stop. */
    @EventHandler
    void on(BookingDeclined event) {
        cancelPlanned(event.uid(), null, null, "declined", event.updatedAt());
        Optional<ReminderBooking> known = booking(event.uid());
        if (known.isEmpty()) {
            return;
        }
        ReminderBooking booking = known.get();
        status(event);
        plan(booking, null, event.updatedAt(), WorkflowTriggerEvents.BOOKING_REJECTED);
    }

    /** Also for a booking the planner never saw: its reminders stop. */
    @EventHandler
    void on(BookingCancelled event) {
        cancelPlanned(event.uid(), null, null, "cancelled", event.updatedAt());
        Optional<ReminderBooking> known = booking(event.uid());
        if (known.isEmpty()) {
            return;
        }
        ReminderBooking booking = known.get();
        status(event);
        ReminderBooking cancelled = new ReminderBooking(booking.uid(), booking.bookingId(), booking.eventTypeId(),
                booking.title(), booking.description(), booking.startTime(), booking.endTime(), booking.location(),
                booking.organizerName(), booking.organizerEmail(), booking.organizerTimeZone(), booking.attendees(),
                booking.smsReminderNumber(), event.cancellationReason());
        plan(cancelled, null, event.updatedAt(), WorkflowTriggerEvents.EVENT_CANCELLED);
    }

    /** The old booking's reminders stop; the new booking (its BookingRequested) plans its own. */
    @EventHandler
    void on(BookingRescheduled event) {
        status(event);
        cancelPlanned(event.uid(), null, null, "rescheduled to " + event.newUid(), event.updatedAt());
    }

    /** A later seat of an accepted booking gets the reminders of its own holder. */
    @EventHandler
    void on(BookingSeatBooked event) {
        Optional<ReminderBooking> known = booking(event.uid());
        if (known.isEmpty()) {
            return;
        }
        ReminderBooking booking = known.get();
        String status = jdbc.queryForObject("select status from automation.reminder_bookings where booking_uid = ?",
                String.class, event.uid());
        if (!BookingStatus.accepted.name().equals(status) || event.seat().attendee() == null) {
            return;
        }
        ReminderBooking seat = new ReminderBooking(booking.uid(), booking.bookingId(), booking.eventTypeId(),
                booking.title(), booking.description(), booking.startTime(), booking.endTime(), booking.location(),
                booking.organizerName(), booking.organizerEmail(), booking.organizerTimeZone(),
                List.of(event.seat().attendee()), booking.smsReminderNumber(), null);
        plan(seat, event.seat().referenceUid(), event.updatedAt(), WorkflowTriggerEvents.NEW_EVENT,
                WorkflowTriggerEvents.BEFORE_EVENT, WorkflowTriggerEvents.AFTER_EVENT);
    }

    @EventHandler
    void on(BookingSeatCancelled event) {
        cancelPlanned(event.uid(), "WORKFLOW", event.referenceUid(), "seat cancelled", event.updatedAt());
    }

    // ------------------------------------------------------------------ planning

    private record Workflow(int workflowId, WorkflowTriggerEvents trigger, Integer time, TimeUnit timeUnit,
                            List<WorkflowRegistry.Step> steps) {
    }

    private void plan(ReminderBooking booking, String seatReferenceId, Instant at, WorkflowTriggerEvents... triggers) {
        for (Workflow workflow : activeWorkflows(booking.eventTypeId(), triggers)) {
            Instant scheduledDate = scheduledDate(workflow, booking, at);
            if (scheduledDate.isBefore(at)) {
                continue; // cal.com plans no reminder whose time has passed when the booking is made
            }
            for (WorkflowRegistry.Step step : workflow.steps()) {
                WorkflowActions action = step.settings().action();
                if (action == WorkflowActions.CAL_AI_PHONE_CALL) {
                    continue;
                }
                String uuid = WorkflowReminderIds.uuid(booking.uid(), step.id(), seatReferenceId);
                int inserted = jdbc.update("""
                        insert into automation.planned_reminders (task_instance, kind, reminder_key, booking_uid,
                            seat_reference_id, workflow_id, workflow_step_id)
                        values (?, 'WORKFLOW', ?, ?, ?, ?, ?) on conflict do nothing""",
                        uuid, uuid, booking.uid(), seatReferenceId, workflow.workflowId(), step.id());
                if (inserted == 0) {
                    continue;
                }
                try {
                    commands.sendAndWait(new ScheduleWorkflowReminder(uuid, ids.next("WorkflowReminder"),
                            workflow.workflowId(), step.id(), workflow.trigger(), action, scheduledDate,
                            seatReferenceId, booking, at));
                } catch (DomainConflict plannedBefore) {
                    log.debug("Reminder {} was planned before", uuid);
                    continue;
                }
                scheduler.scheduleIfNotExists(WorkflowReminderTask.instance(uuid), scheduledDate);
            }
        }
    }

    private void planPendingReminders(ReminderBooking booking, Instant madeAt) {
        for (int minutes : PENDING_REMINDER_MINUTES) {
            Instant due = madeAt.plus(Duration.ofMinutes(minutes));
            if (!due.isBefore(booking.startTime())) {
                continue; // a booking that has begun awaits no confirmation
            }
            String instance = PendingBookingReminderTask.instanceId(booking.uid(), minutes);
            int inserted = jdbc.update("""
                    insert into automation.planned_reminders (task_instance, kind, reminder_key, booking_uid)
                    values (?, 'PENDING_BOOKING', ?, ?) on conflict do nothing""",
                    instance, String.valueOf(minutes), booking.uid());
            if (inserted == 0) {
                continue;
            }
            try {
                commands.sendAndWait(new SchedulePendingBookingReminder(booking.uid(), minutes, due, booking, madeAt));
            } catch (DomainConflict plannedBefore) {
                continue;
            }
            scheduler.scheduleIfNotExists(PendingBookingReminderTask.instance(booking.uid(), minutes), due);
        }
    }

    // ------------------------------------------------------------------ workflow changes

    /**
     * A workflow that starts to apply to bookings already made (activated on more event types or
     * teams, active on all, or given a step) plans their reminders still to come, as cal.com does
     * when a workflow is activated. What was planned before stays as planned.
     */
    @EventHandler
    void on(WorkflowActivationSet event, @Timestamp Instant at, @MetaDataValue(IMPORTED) String imported) {
        if (!calcom(imported)) {
            planUpcoming(event.workflowId(), at);
        }
    }

    /** Of a workflow's own settings only "active on all" can make it apply to more bookings. */
    @EventHandler
    void on(WorkflowUpdated event, @Timestamp Instant at, @MetaDataValue(IMPORTED) String imported) {
        if (Boolean.TRUE.equals(event.settings().isActiveOnAll()) && !calcom(imported)) {
            planUpcoming(event.workflowId(), at);
        }
    }

    @EventHandler
    void on(WorkflowStepAdded event, @Timestamp Instant at, @MetaDataValue(IMPORTED) String imported) {
        if (!calcom(imported)) {
            planUpcoming(event.workflowId(), at);
        }
    }

    /**
     * A workflow imported from cal.com came with the reminders cal.com planned for it (imported too): its
     * imported activation plans nothing for the imported bookings, which the planner knows from the import.
     */
    private static boolean calcom(String imported) {
        return "calcom".equals(imported);
    }

    private void planUpcoming(int workflowId, Instant at) {
        // Bookings are planned in other segments meanwhile. This waits for those being written to commit,
        // so they are read below; one written after it finds the workflow active when it plans itself, as
        // ActiveWorkflows reads the command side, which took the workflow's change before this event came.
        jdbc.execute("lock table automation.reminder_bookings in share mode");
        List<Integer> eventTypes = jdbc.queryForList("""
                select distinct event_type_id from automation.reminder_bookings
                where status = 'accepted' and event_type_id is not null and seat_uid is null
                  and (booking->>'endTime')::timestamptz > ?""", Integer.class, utc(at));
        for (Integer eventTypeId : eventTypes) {
            if (!activeWorkflows.isActive(workflowId, eventTypeId)) {
                continue;
            }
            List<String> stored = jdbc.queryForList("""
                    select booking::text from automation.reminder_bookings
                    where status = 'accepted' and event_type_id = ? and seat_uid is null
                      and (booking->>'endTime')::timestamptz > ?""", String.class, eventTypeId, utc(at));
            for (String text : stored) {
                plan(read(text, new TypeReference<ReminderBooking>() {
                }), null, at, WorkflowTriggerEvents.BEFORE_EVENT, WorkflowTriggerEvents.AFTER_EVENT);
            }
        }
    }

    /** Cancels what was planned for a booking (of one kind, of one seat), and its tasks; what was sent stays sent. */
    private void cancelPlanned(String bookingUid, String kind, String seatReferenceId, String reason, Instant at) {
        List<String[]> planned = jdbc.query("""
                update automation.planned_reminders set cancelled = true
                where booking_uid = ? and not cancelled and (?::text is null or kind = ?)
                  and (?::text is null or seat_reference_id = ?)
                returning task_instance, kind, reminder_key""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                bookingUid, kind, kind, seatReferenceId, seatReferenceId);
        for (String[] reminder : planned) {
            boolean workflow = "WORKFLOW".equals(reminder[1]);
            try {
                commands.sendAndWait(workflow ? new CancelWorkflowReminder(reminder[2], reason, at)
                        : new CancelPendingBookingReminder(bookingUid, Integer.parseInt(reminder[2]), reason, at));
            } catch (DomainConflict | AggregateNotFoundException sentOrGone) {
                log.debug("Reminder {} of booking {} not cancelled: {}", reminder[2], bookingUid, sentOrGone.getMessage());
                continue;
            }
            try {
                scheduler.cancel(TaskInstanceId.of(workflow ? WorkflowReminderTask.NAME : PendingBookingReminderTask.NAME,
                        reminder[0]));
            } catch (RuntimeException runningOrGone) {
                // a task that runs now finds its reminder cancelled and sends nothing
            }
        }
    }

    /** The workflows with one of these triggers that are active on the event type. */
    private List<Workflow> activeWorkflows(Integer eventTypeId, WorkflowTriggerEvents... triggers) {
        if (eventTypeId == null) {
            return List.of();
        }
        String triggerArray = java.util.Arrays.stream(triggers).map(Enum::name)
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        return jdbc.query(ActiveWorkflows.ON_EVENT_TYPE + " and w.trigger = any(?::text[]) order by w.workflow_id",
                (rs, i) -> new Workflow(rs.getInt(1), WorkflowTriggerEvents.valueOf(rs.getString(2)),
                        (Integer) rs.getObject(3), rs.getString(4) == null ? null : TimeUnit.valueOf(rs.getString(4)),
                        read(rs.getString(5), STEPS)),
                eventTypeId, triggerArray);
    }

    /** BEFORE_EVENT: the start less the offset; AFTER_EVENT: the end plus it; any other trigger: when it happened. */
    static Instant scheduledDate(WorkflowTriggerEvents trigger, Integer time, TimeUnit unit, Instant start, Instant end,
                                 Instant at) {
        Duration offset = time == null || unit == null ? Duration.ZERO : switch (unit) {
            case day -> Duration.ofDays(time);
            case hour -> Duration.ofHours(time);
            case minute -> Duration.ofMinutes(time);
        };
        return switch (trigger) {
            case BEFORE_EVENT -> start.minus(offset);
            case AFTER_EVENT -> end.plus(offset);
            default -> at;
        };
    }

    private static Instant scheduledDate(Workflow workflow, ReminderBooking booking, Instant at) {
        return scheduledDate(workflow.trigger(), workflow.time(), workflow.timeUnit(), booking.startTime(),
                booking.endTime(), at);
    }

    // ------------------------------------------------------------------ the booking, as reminders tell it

    /**
     * Keeps the booking as its reminders tell it, which its later changes read; also for an imported booking
     * (ImportedReminderBookings), whose reminders cal.com planned but whose later changes are planned here.
     */
    static ReminderBooking remember(JdbcTemplate jdbc, ObjectMapper json, BookingRequested event) {
        ReminderBooking booking = snapshot(jdbc, event);
        String seat = event.seat() == null ? null : event.seat().referenceUid();
        try {
            jdbc.update("""
                    insert into automation.reminder_bookings (booking_uid, booking_id, event_type_id, status, seat_uid,
                        created_at, booking)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (booking_uid) do nothing""",
                    event.uid(), event.bookingId(), event.eventTypeId(), event.status().name(), seat,
                    utc(event.createdAt()), json.writeValueAsString(booking));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A booking cannot be written", e);
        }
        return booking;
    }

    private static ReminderBooking snapshot(JdbcTemplate jdbc, BookingRequested event) {
        String timeZone = event.userId() == null ? null : jdbc.query(
                "select time_zone from command_side.user_registry where user_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, event.userId());
        String organizerEmail = event.host() != null && event.host().userEmail() != null ? event.host().userEmail()
                : event.userPrimaryEmail();
        List<BookingAttendee> attendees = event.seat() != null && event.seat().attendee() != null
                ? List.of(event.seat().attendee()) : event.attendees() == null ? List.of() : event.attendees();
        return new ReminderBooking(event.uid(), event.bookingId(), event.eventTypeId(), event.title(),
                event.description(), event.startTime(), event.endTime(), event.location(),
                event.host() == null ? null : event.host().userName(), organizerEmail, timeZone, attendees,
                event.smsReminderNumber(), null);
    }

    /**
     * Empty for a booking made before the planner first ran: it has no reminders to change. An imported one is
     * known (ImportedReminderBookings), so its later changes are planned as a native booking's.
     */
    private Optional<ReminderBooking> booking(String uid) {
        String stored = jdbc.query("select booking::text from automation.reminder_bookings where booking_uid = ?",
                rs -> rs.next() ? rs.getString(1) : null, uid);
        return Optional.ofNullable(stored).map(text -> read(text, new TypeReference<ReminderBooking>() {
        }));
    }

    /** The seat of a seated booking's first holder, whom the booking's own reminders address. */
    private String firstSeat(ReminderBooking booking) {
        return jdbc.queryForObject("select seat_uid from automation.reminder_bookings where booking_uid = ?",
                String.class, booking.uid());
    }

    /** Keeps the status the change leaves the booking in, which later changes of it read. */
    private void status(BookingChange change) {
        status(jdbc, change);
    }

    static void status(JdbcTemplate jdbc, BookingChange change) {
        BookingStatus status = BookingState.statusSetBy(change).orElseThrow();
        jdbc.update("update automation.reminder_bookings set status = ? where booking_uid = ?", status.name(),
                change.uid());
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored value cannot be read", e);
        }
    }
}
