package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowCreated;
import com.calcomalt.contracts.automation.WorkflowMethods;
import com.calcomalt.contracts.automation.WorkflowReminderCancelled;
import com.calcomalt.contracts.automation.WorkflowReminderFailed;
import com.calcomalt.contracts.automation.WorkflowReminderIds;
import com.calcomalt.contracts.automation.WorkflowReminderRetried;
import com.calcomalt.contracts.automation.WorkflowReminderScheduled;
import com.calcomalt.contracts.automation.WorkflowReminderSendAttempted;
import com.calcomalt.contracts.automation.WorkflowReminderSent;
import com.calcomalt.contracts.automation.WorkflowStepAdded;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's workflow reminders, each the story of a WorkflowReminder as far as its row tells it: planned,
 * then failed as often as its {@code retryCount} (and retried), handed to its sender ({@code scheduled}),
 * sent ({@code referenceId}), cancelled. It keeps cal.com's uuid: the planner names its own reminders by booking,
 * step and seat, and its bookkeeping holds one reminder per booking, step and seat whatever its uuid, so it never
 * plans an imported reminder a second time. What is sent follows
 * at most once: a reminder cal.com handed to its provider is not sent again; one still to come is sent here
 * at its time (the registry that takes imported reminders schedules it); one whose time passed at the import
 * without being sent is left out and reported, not sent late. cal.com keeps no times of a reminder's story:
 * its booking's creation stands in.
 */
@Component
@Order(130)
class WorkflowReminderImport implements ImportSection.Streamed {

    private static final String TABLE = "WorkflowReminder";

    private final WorkflowImport workflows;
    private final Clock clock;
    private Instant snapshotStarted;
    private Instant snapshotTime;

    WorkflowReminderImport(WorkflowImport workflows, Clock clock) {
        this.workflows = workflows;
        this.clock = clock;
    }

    private record Step(int workflowId, WorkflowTriggerEvents trigger, WorkflowActions action) {
    }

    private record Booking(int id, String uid, Integer eventTypeId, String title, String description, Instant start,
                           Instant end, String location, String organizerName, String organizerEmail,
                           String organizerTimeZone, String smsReminderNumber, String cancellationReason,
                           Instant createdAt) {
    }

    @Override
    public Result read(Connection source, Imported imported, Consumer<Pending> events) throws SQLException {
        Instant now = now(source);
        Map<Integer, Step> steps = new HashMap<>();
        Set<Integer> deferredSteps = new HashSet<>();
        // The workflows as their own section reads them: which steps are imported, left out or waiting.
        Result ofWorkflows = workflows.read(source, imported);
        Map<Integer, WorkflowTriggerEvents> triggers = new HashMap<>();
        ofWorkflows.events().forEach(e -> {
            if (e.payload() instanceof WorkflowCreated created) {
                triggers.put(created.workflowId(), created.settings().trigger());
            } else if (e.payload() instanceof WorkflowStepAdded step) {
                steps.put(step.stepId(), new Step(step.workflowId(), triggers.get(step.workflowId()),
                        step.settings().action()));
            }
        });
        ofWorkflows.deferred().stream().filter(d -> d.table().equals("WorkflowStep"))
                .forEach(d -> deferredSteps.add(Integer.valueOf(d.id())));

        List<RuleBreak> breaks = new ArrayList<>();
        List<RuleBreak> deferred = new ArrayList<>();
        // Reminders come one booking at a time (a booking, step and seat name one reminder, so the first of each
        // needs remembering only while its booking's reminders last), each with its booking, organizer and seat
        // holder joined; the booking's attendees from a cursor of their own in the same order.
        Map<String, Integer> firstOf = new HashMap<>();
        String[] firstOfBooking = {null};
        int[] written = {0};
        try (var attendees = new Attendees(source)) {
            each(source, """
                    select r.id, r."bookingUid", r.method::text, r."scheduledDate", r."referenceId", r.scheduled,
                           r."workflowStepId", r.cancelled, r."seatReferenceId", r."isMandatoryReminder",
                           r."retryCount", r.uuid,
                           b.id as "bookingId", b."eventTypeId", b.title, b.description, b."startTime", b."endTime",
                           b.location, b."createdAt", b."smsReminderNumber", b."cancellationReason",
                           coalesce(b."userPrimaryEmail", u.email) as "organizerEmail", u.name as "organizerName",
                           u."timeZone" as "organizerTimeZone",
                           s."referenceUid" as "seatHeld", a.id as "holderId", a.name as "holderName",
                           a.email as "holderEmail", a."timeZone" as "holderTimeZone", a.locale as "holderLocale",
                           a."phoneNumber" as "holderPhoneNumber"
                    from "WorkflowReminder" r
                    left join "Booking" b on b.uid = r."bookingUid"
                    left join users u on u.id = b."userId"
                    left join "BookingSeat" s on s."referenceUid" = r."seatReferenceId"
                    left join "Attendee" a on a.id = s."attendeeId"
                    order by b.id nulls last, r.id""", row -> {
                int id = row.getInt("id");
                String bookingUid = row.getString("bookingUid");
                Integer stepId = SectionRows.integer(row, "workflowStepId");
                String seat = row.getString("seatReferenceId");
                Boolean mandatory = (Boolean) row.getObject("isMandatoryReminder");
                Boolean cancelled = (Boolean) row.getObject("cancelled");
                boolean scheduled = row.getBoolean("scheduled");
                String referenceId = row.getString("referenceId");
                Instant date = instant(row.getTimestamp("scheduledDate"));
                WorkflowMethods method = WorkflowMethods.valueOf(row.getString("method"));
                Integer bookingId = SectionRows.integer(row, "bookingId");
                Booking booking = bookingId == null || !imported.bookingIds().contains(bookingId) ? null
                        : booking(row, bookingId, bookingUid);
                Step step = stepId == null ? null : steps.get(stepId);
                if (!Objects.equals(bookingUid, firstOfBooking[0])) {
                    firstOf.clear();
                    firstOfBooking[0] = bookingUid;
                }
                if (Boolean.TRUE.equals(mandatory) || stepId == null) {
                    deferred.add(new RuleBreak(TABLE, id, "a mandatory reminder of no workflow step; not modelled"));
                    return;
                }
                if (deferredSteps.contains(stepId)) {
                    deferred.add(new RuleBreak(TABLE, id, "workflow step " + stepId + " (WorkflowStep)"));
                    return;
                }
                if (method == WorkflowMethods.AI_PHONE_CALL) {
                    deferred.add(new RuleBreak(TABLE, id, "an AI phone call; not a reminder this system sends"));
                    return;
                }
                String broken = null;
                String key = bookingUid + "|" + stepId + "|" + (seat == null ? "" : seat);
                if (booking == null) {
                    broken = "booking " + bookingUid + " does not exist or breaks a rule";
                } else if (step == null) {
                    broken = "workflow step " + stepId + " does not exist or breaks a rule";
                } else if (mandatory == null) {
                    broken = "isMandatoryReminder is null; ours are false";
                } else if (Boolean.FALSE.equals(cancelled)) {
                    broken = "cancelled is false; ours are null until cancelled";
                } else if (referenceId != null && !scheduled) {
                    broken = "has a referenceId but was never handed to its sender (scheduled = false)";
                } else if (seat != null && row.getString("seatHeld") == null) {
                    broken = "seat " + seat + " does not exist";
                } else if (firstOf.containsKey(key)) {
                    broken = "its booking, step and seat have reminder " + firstOf.get(key)
                            + " already; a reminder is planned once for them here";
                } else if (row.getString("uuid") == null) {
                    broken = "has no uuid; a reminder is named by one here";
                }
                if (broken != null) {
                    breaks.add(new RuleBreak(TABLE, id, broken));
                    return;
                }
                if (!scheduled && cancelled == null && date.isBefore(now)) {
                    deferred.add(new RuleBreak(TABLE, id, "due at " + date + ", before the import, and never sent;"
                            + " not sent late"));
                    return;
                }
                firstOf.put(key, id);
                List<BookingAttendee> to = seat != null ? List.of(new BookingAttendee(row.getInt("holderId"),
                        row.getString("holderName"), row.getString("holderEmail"), row.getString("holderTimeZone"),
                        row.getString("holderLocale"), row.getString("holderPhoneNumber")))
                        : attendees.of(booking.id());
                ReminderBooking about = new ReminderBooking(booking.uid(), booking.id(), booking.eventTypeId(),
                        booking.title(), booking.description(), booking.start(), booking.end(), booking.location(),
                        booking.organizerName(), booking.organizerEmail(), booking.organizerTimeZone(), to,
                        booking.smsReminderNumber(), booking.cancellationReason());
                story(row.getString("uuid"), id, step, stepId, method, date, seat, about,
                        booking.createdAt(), row.getInt("retryCount"), scheduled, referenceId,
                        Boolean.TRUE.equals(cancelled)).forEach(events);
                written[0]++;
            });
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put(TABLE, written[0]);
        return new Result(rows, List.of(), breaks, deferred, Map.of(TABLE, SectionRows.maxId(source, TABLE)));
    }

    /**
     * The import's time, taken when a snapshot is first read and kept for its second pass: the reminders
     * checked and those written are then the same, though one may fall due between the two passes. A snapshot
     * is known by its transaction's start.
     */
    private synchronized Instant now(Connection source) throws SQLException {
        Instant started;
        try (var statement = source.createStatement(); var rows = statement.executeQuery("select now()")) {
            rows.next();
            started = rows.getTimestamp(1).toInstant();
        }
        if (!started.equals(snapshotStarted)) {
            snapshotStarted = started;
            snapshotTime = clock.instant();
        }
        return snapshotTime;
    }

    private static Booking booking(ResultSet row, int id, String uid) throws SQLException {
        return new Booking(id, uid, SectionRows.integer(row, "eventTypeId"), row.getString("title"),
                row.getString("description"), instant(row.getTimestamp("startTime")),
                instant(row.getTimestamp("endTime")), row.getString("location"), row.getString("organizerName"),
                row.getString("organizerEmail"), row.getString("organizerTimeZone"),
                row.getString("smsReminderNumber"), row.getString("cancellationReason"),
                instant(row.getTimestamp("createdAt")));
    }

    /**
     * The attendees of the bookings that have reminders, by a cursor ordered by booking as the reminders are:
     * only the current booking's are kept.
     */
    private static final class Attendees implements AutoCloseable {
        private final Statement statement;
        private final ResultSet rows;
        private boolean more;
        private int bookingId = -1;
        private List<BookingAttendee> taken = List.of();

        Attendees(Connection source) throws SQLException {
            statement = source.createStatement();
            rows = statement.executeQuery("""
                    select id, name, email, "timeZone", locale, "phoneNumber", "bookingId" from "Attendee"
                    where "bookingId" in (select b.id from "Booking" b
                                          join "WorkflowReminder" r on r."bookingUid" = b.uid)
                    order by "bookingId", id""");
            more = rows.next();
        }

        /** Called with bookings in ascending order: the rows of earlier bookings are passed over. */
        List<BookingAttendee> of(int booking) throws SQLException {
            if (booking == bookingId) {
                return taken;
            }
            bookingId = booking;
            taken = new ArrayList<>();
            while (more && rows.getInt("bookingId") <= booking) {
                if (rows.getInt("bookingId") == booking) {
                    taken.add(new BookingAttendee(rows.getInt("id"), rows.getString("name"), rows.getString("email"),
                            rows.getString("timeZone"), rows.getString("locale"), rows.getString("phoneNumber")));
                }
                more = rows.next();
            }
            return taken;
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                rows.close();
            }
        }
    }

    /**
     * Planned; each failure a claim and its failure, retried before the next claim; then claimed again when
     * handed to its sender, sent when it has the sender's id; cancelled last. A failed one still to be sent
     * is retried, so it goes out at its time as cal.com's cron would have tried it again.
     */
    private static List<Pending> story(String uuid, int id, Step step, int stepId, WorkflowMethods method,
                                       Instant date, String seat, ReminderBooking booking, Instant at, int failures,
                                       boolean scheduled, String referenceId, boolean cancelled) {
        String aggregate = WorkflowReminderIds.aggregateId(uuid);
        List<Pending> events = new ArrayList<>();
        events.add(new Pending(TABLE, aggregate, new WorkflowReminderScheduled(uuid, id, step.workflowId(), stepId,
                step.trigger(), step.action(), method, date, seat, booking, at), at));
        for (int failure = 1; failure <= failures; failure++) {
            events.add(new Pending(TABLE, aggregate, new WorkflowReminderSendAttempted(uuid, id, at), at));
            events.add(new Pending(TABLE, aggregate, new WorkflowReminderFailed(uuid, id, "failed in cal.com", at),
                    at));
            if (failure < failures || scheduled || !cancelled) {
                events.add(new Pending(TABLE, aggregate, new WorkflowReminderRetried(uuid, id, date), at));
            }
        }
        if (scheduled) {
            events.add(new Pending(TABLE, aggregate, new WorkflowReminderSendAttempted(uuid, id, at), at));
            if (referenceId != null) {
                events.add(new Pending(TABLE, aggregate, new WorkflowReminderSent(uuid, id, referenceId, at), at));
            }
        }
        if (cancelled) {
            events.add(new Pending(TABLE, aggregate, new WorkflowReminderCancelled(uuid, id, "cancelled in cal.com",
                    at), at));
        }
        return events;
    }
}
