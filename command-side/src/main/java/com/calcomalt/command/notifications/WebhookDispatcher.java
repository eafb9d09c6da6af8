package com.calcomalt.command.notifications;

import static com.calcomalt.platform.database.Timestamps.utc;

import com.calcomalt.contracts.notifications.WebhookActivated;
import com.calcomalt.contracts.notifications.WebhookCreated;
import com.calcomalt.contracts.notifications.WebhookDeactivated;
import com.calcomalt.contracts.notifications.WebhookDeleted;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.command.scheduling.booking.DecidedBookings;
import com.calcomalt.contracts.notifications.WebhookUpdated;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.rules.scheduling.BookingState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns booking events into webhook deliveries. For each booking event it finds the active
 * webhooks that listen to its trigger (the hosts' own, the event type's team's, the event type's),
 * writes one delivery row per webhook with the exact body to send, and schedules the delivery task
 * for it; all in the transaction that moves this processor's token, so a crash either loses none
 * of it or redoes all of it, and the unique (event, webhook, trigger) key keeps a redo from
 * sending twice. It keeps its own copy of the webhooks, fed by their events in this same ordered
 * stream, so a booking is matched against the webhooks as they were when it happened. Their secrets
 * stay sealed here; the delivery task opens one only to sign a POST.
 *
 * <p>Triggers: BOOKING_CREATED (an accepted booking, or a pending one confirmed), BOOKING_REQUESTED
 * (a booking awaiting confirmation, not one awaiting its payment), BOOKING_RESCHEDULED (the new booking of a reschedule),
 * BOOKING_CANCELLED, BOOKING_REJECTED, BOOKING_PAYMENT_INITIATED (a booking waiting for its payment),
 * BOOKING_PAID (then BOOKING_CREATED when the payment accepts it), and MEETING_STARTED / MEETING_ENDED, scheduled at the
 * accepted booking's start and end and cancelled when it is cancelled or rescheduled. It runs apart
 * from the projections and refuses replays, so rebuilding the read side never sends anything again.
 */
@Component
@DisallowReplay
@ProcessingGroup(WebhookDispatcher.PROCESSING_GROUP)
class WebhookDispatcher {

    static final String PROCESSING_GROUP = "webhook-delivery";
    private static final List<String> MEETING_TRIGGERS = List.of(WebhookTriggerEvent.MEETING_STARTED.name(),
            WebhookTriggerEvent.MEETING_ENDED.name());

    private final JdbcTemplate jdbc;
    private final SchedulerClient scheduler;
    private final WebhookDeliveryTask task;
    private final ObjectMapper json;
    private final DecidedBookings bookings;

    WebhookDispatcher(JdbcTemplate jdbc, SchedulerClient scheduler, WebhookDeliveryTask task,
                      DecidedBookings bookings) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.task = task;
        this.json = task.json();
        this.bookings = bookings;
    }

    // ------------------------------------------------------------------ the webhooks, as this processor sees them

    @EventHandler
    void on(WebhookCreated event) {
        jdbc.update("""
                insert into notifications.webhook_subscriptions (webhook_id, user_id, team_id, event_type_id,
                    subscriber_url, event_triggers, encrypted_secret, active, payload_template, time, time_unit)
                values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?) on conflict (webhook_id) do nothing""",
                event.webhookId(), event.userId(), event.teamId(), event.eventTypeId(), event.subscriberUrl(),
                textArray(event.eventTriggers().stream().map(Enum::name).toList()), event.encryptedSecret(),
                event.active(), event.payloadTemplate(), event.time(),
                event.timeUnit() == null ? null : event.timeUnit().name());
    }

    @EventHandler
    void on(WebhookUpdated event) {
        jdbc.update("""
                update notifications.webhook_subscriptions set subscriber_url = ?, event_triggers = ?::text[],
                    encrypted_secret = ?, payload_template = ?, time = ?, time_unit = ? where webhook_id = ?""",
                event.subscriberUrl(), textArray(event.eventTriggers().stream().map(Enum::name).toList()),
                event.encryptedSecret(), event.payloadTemplate(), event.time(),
                event.timeUnit() == null ? null : event.timeUnit().name(), event.webhookId());
    }

    @EventHandler
    void on(WebhookActivated event) {
        jdbc.update("update notifications.webhook_subscriptions set active = true where webhook_id = ?",
                event.webhookId());
    }

    /** A webhook switched off gets nothing more, also nothing already pending. */
    @EventHandler
    void on(WebhookDeactivated event) {
        jdbc.update("update notifications.webhook_subscriptions set active = false where webhook_id = ?",
                event.webhookId());
        cancelPending("webhook_id = ?", event.webhookId(), event.at());
    }

    @EventHandler
    void on(WebhookDeleted event) {
        jdbc.update("delete from notifications.webhook_subscriptions where webhook_id = ?", event.webhookId());
        cancelPending("webhook_id = ?", event.webhookId(), event.deletedAt());
    }

    // ------------------------------------------------------------------ bookings

    @EventHandler
    void on(BookingRequested event, EventMessage<?> message) {
        ObjectNode payload = bookingPayload(event);
        Integer teamId = event.host() == null ? null : event.host().teamId();
        jdbc.update("""
                insert into notifications.webhook_bookings (booking_id, uid, event_type_id, team_id, host_ids,
                    start_time, end_time, payload)
                values (?, ?, ?, ?, ?::int[], ?, ?, ?::jsonb) on conflict (booking_id) do nothing""",
                event.bookingId(), event.uid(), event.eventTypeId(), teamId, intArray(event.hostIds()),
                utc(event.startTime()), utc(event.endTime()), write(payload));
        Booking booking = booking(event.bookingId());
        WebhookTriggerEvent trigger;
        if (event.fromReschedule() != null) {
            trigger = WebhookTriggerEvent.BOOKING_RESCHEDULED;
            bookingByUid(event.fromReschedule()).ifPresent(old -> {
                payload.put("rescheduleId", old.bookingId());
                payload.put("rescheduleUid", old.payload().path("uid").asText());
                payload.set("rescheduleStartTime", old.payload().get("startTime"));
                payload.set("rescheduleEndTime", old.payload().get("endTime"));
            });
        } else if (event.status() == BookingStatus.pending && bookings.madeToBePaid(event.uid())) {
            // cal.com tells of a booking that waits for its payment with BOOKING_PAYMENT_INITIATED only.
            trigger = null;
        } else {
            trigger = event.status() == BookingStatus.pending ? WebhookTriggerEvent.BOOKING_REQUESTED
                    : WebhookTriggerEvent.BOOKING_CREATED;
        }
        if (trigger != null) {
            deliver(trigger, booking, payload, message, message.getTimestamp());
        }
        if (event.status() == BookingStatus.accepted) {
            scheduleMeetingTriggers(booking, payload, message);
        }
    }

    @EventHandler
    void on(BookingConfirmed event, EventMessage<?> message) {
        Booking booking = booking(event.bookingId());
        ObjectNode payload = changed(booking, event, event.updatedAt());
        deliver(WebhookTriggerEvent.BOOKING_CREATED, booking, payload, message, message.getTimestamp());
        scheduleMeetingTriggers(booking, payload, message);
    }

    /** A booking of a paid event type waits for its payment: what it costs goes with the trigger. */
    @EventHandler
    void on(BookingPaymentRequired event, EventMessage<?> message) {
        Booking booking = booking(event.bookingId());
        ObjectNode payload = booking.payload().deepCopy();
        payload.put("price", event.amount());
        payload.put("currency", event.currency());
        payload.put("paymentOption", event.paymentOption().name());
        payload.put("paid", false);
        deliver(WebhookTriggerEvent.BOOKING_PAYMENT_INITIATED, booking, payload, message, message.getTimestamp());
    }

    /** Paid: BOOKING_PAID, and when that accepts it the follow-ups of a new booking, as cal.com does. */
    @EventHandler
    void on(BookingPaid event, EventMessage<?> message) {
        Booking booking = booking(event.bookingId());
        ObjectNode payload = changed(booking, event, event.updatedAt());
        payload.put("paid", true);
        deliver(WebhookTriggerEvent.BOOKING_PAID, booking, payload, message, message.getTimestamp());
        if (event.status() == BookingStatus.accepted) {
            deliver(WebhookTriggerEvent.BOOKING_CREATED, booking, payload, message, message.getTimestamp());
            scheduleMeetingTriggers(booking, payload, message);
        }
    }

    @EventHandler
    void on(BookingDeclined event, EventMessage<?> message) {
        Booking booking = booking(event.bookingId());
        ObjectNode payload = changed(booking, event, event.updatedAt());
        payload.put("rejectionReason", event.rejectionReason());
        deliver(WebhookTriggerEvent.BOOKING_REJECTED, booking, payload, message, message.getTimestamp());
    }

    @EventHandler
    void on(BookingCancelled event, EventMessage<?> message) {
        Booking booking = booking(event.bookingId());
        ObjectNode payload = changed(booking, event, event.updatedAt());
        payload.put("cancellationReason", event.cancellationReason());
        payload.put("cancelledBy", event.cancelledBy());
        deliver(WebhookTriggerEvent.BOOKING_CANCELLED, booking, payload, message, message.getTimestamp());
    }

    /** The new booking announces the reschedule; the old one only stops its meeting triggers. */
    @EventHandler
    void on(BookingRescheduled event) {
        changed(booking(event.bookingId()), event, event.updatedAt());
    }

    // ------------------------------------------------------------------ deliveries

    private record Booking(int bookingId, Integer eventTypeId, Integer teamId, String hostIds, Instant startTime,
                           Instant endTime, ObjectNode payload) {
    }

    private record Subscription(String webhookId, String subscriberUrl, String payloadTemplate) {
    }

    private void scheduleMeetingTriggers(Booking booking, ObjectNode payload, EventMessage<?> message) {
        deliver(WebhookTriggerEvent.MEETING_STARTED, booking, payload, message, booking.startTime());
        deliver(WebhookTriggerEvent.MEETING_ENDED, booking, payload, message, booking.endTime());
    }

    private void deliver(WebhookTriggerEvent trigger, Booking booking, ObjectNode payload, EventMessage<?> message,
                         Instant dueAt) {
        // A booking imported from cal.com had its webhooks sent there: it is only kept, for its later changes.
        if ("calcom".equals(message.getMetaData().get("imported"))) {
            return;
        }
        // A managed event type's child hears the webhooks of its parent and of the parent's team, as in cal.com.
        List<Subscription> subscriptions = jdbc.query("""
                with event_type as (
                    select e.event_type_id, e.team_id, p.event_type_id as parent_id, p.team_id as parent_team_id
                    from command_side.event_types e
                    left join command_side.event_types p on p.event_type_id = e.parent_id
                    where e.event_type_id = ?)
                select webhook_id, subscriber_url, payload_template from notifications.webhook_subscriptions
                where active and ? = any(event_triggers)
                  and (user_id = any(?::int[]) or team_id = ?
                       or team_id = (select parent_team_id from event_type)
                       or event_type_id = ? or event_type_id = (select parent_id from event_type))
                order by webhook_id""",
                (rs, i) -> new Subscription(rs.getString(1), rs.getString(2), rs.getString(3)),
                booking.eventTypeId(), trigger.name(), booking.hostIds(), booking.teamId(), booking.eventTypeId());
        Instant createdAt = message.getTimestamp();
        for (Subscription subscription : subscriptions) {
            String id = UUID.nameUUIDFromBytes((message.getIdentifier() + "|" + subscription.webhookId() + "|"
                    + trigger.name()).getBytes(StandardCharsets.UTF_8)).toString();
            ObjectNode envelope = json.createObjectNode();
            envelope.put("triggerEvent", trigger.name());
            envelope.put("createdAt", createdAt.toString());
            String body;
            if (subscription.payloadTemplate() != null) {
                ObjectNode data = payload.deepCopy();
                data.setAll(envelope);
                body = PayloadTemplate.apply(subscription.payloadTemplate(), data, json);
            } else {
                envelope.set("payload", payload);
                body = write(envelope);
            }
            int inserted = jdbc.update("""
                    insert into notifications.webhook_deliveries (id, webhook_id, booking_id, trigger_event,
                        subscriber_url, body, status, due_at, created_at, event_id)
                    values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?) on conflict do nothing""",
                    id, subscription.webhookId(), booking.bookingId(), trigger.name(), subscription.subscriberUrl(),
                    body, utc(dueAt), utc(createdAt), message.getIdentifier());
            if (inserted == 1) {
                scheduler.scheduleIfNotExists(task.instance(id), dueAt);
            }
        }
    }

    private void cancelPending(String where, Object key, Instant at) {
        List<String> cancelled = jdbc.queryForList("update notifications.webhook_deliveries"
                + " set status = 'CANCELLED', completed_at = ? where status = 'PENDING' and " + where
                + " returning id", String.class, utc(at), key);
        for (String id : cancelled) {
            try {
                scheduler.cancel(TaskInstanceId.of(WebhookDeliveryTask.NAME, id));
            } catch (RuntimeException runningOrGone) {
                // the task sees the CANCELLED status and sends nothing
            }
        }
    }

    // ------------------------------------------------------------------ the booking's payload, as cal.com sends it

    private ObjectNode bookingPayload(BookingRequested event) {
        ObjectNode payload = json.createObjectNode();
        Map<String, Object> eventType = jdbc.query("""
                select slug, settings->>'title' as title, settings->>'requiresConfirmation' as requires
                from command_side.event_types where event_type_id = ?""",
                rs -> rs.next() ? Map.<String, Object>of("slug", String.valueOf(rs.getString(1)),
                        "title", String.valueOf(rs.getString(2)), "requires", "true".equals(rs.getString(3)))
                        : Map.<String, Object>of(), event.eventTypeId() == null ? -1 : event.eventTypeId());
        payload.put("type", (String) eventType.get("slug"));
        payload.put("title", event.title());
        payload.put("description", event.description());
        payload.put("additionalNotes", event.description());
        payload.set("customInputs", json.valueToTree(event.customInputs() == null ? Map.of() : event.customInputs()));
        payload.put("startTime", event.startTime().toString());
        payload.put("endTime", event.endTime().toString());
        ObjectNode organizer = payload.putObject("organizer");
        organizer.put("id", event.userId());
        String timeZone = event.userId() == null ? null : jdbc.query(
                "select time_zone from command_side.user_registry where user_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, event.userId());
        if (event.host() != null) {
            organizer.put("name", event.host().userName());
            organizer.put("email", event.host().userEmail() != null ? event.host().userEmail() : event.userPrimaryEmail());
            organizer.put("username", event.host().userUsername());
        } else {
            organizer.put("email", event.userPrimaryEmail());
        }
        organizer.put("timeZone", timeZone);
        organizer.putObject("language").put("locale", "en");
        payload.set("responses", json.valueToTree(event.responses() == null ? Map.of() : event.responses()));
        payload.putObject("userFieldsResponses");
        ArrayNode attendees = payload.putArray("attendees");
        List<BookingAttendee> people = new ArrayList<>(event.attendees() == null ? List.of() : event.attendees());
        if (event.seat() != null && event.seat().attendee() != null) {
            people.add(0, event.seat().attendee());
        }
        for (BookingAttendee attendee : people) {
            ObjectNode node = attendees.addObject();
            node.put("name", attendee.name());
            node.put("email", attendee.email());
            node.put("timeZone", attendee.timeZone());
            node.put("phoneNumber", attendee.phoneNumber());
            node.putObject("language").put("locale", attendee.locale() == null ? "en" : attendee.locale());
        }
        payload.put("location", event.location());
        payload.put("uid", event.uid());
        payload.put("bookingId", event.bookingId());
        payload.put("iCalUID", event.iCalUID());
        payload.put("iCalSequence", event.iCalSequence());
        payload.put("eventTypeId", event.eventTypeId());
        payload.put("eventTitle", (String) eventType.get("title"));
        payload.put("length", event.host() == null ? null : event.host().eventLength());
        payload.put("requiresConfirmation", event.status() == BookingStatus.pending);
        payload.put("smsReminderNumber", event.smsReminderNumber());
        payload.set("metadata", json.valueToTree(event.metadata() == null ? Map.of() : event.metadata()));
        payload.put("status", event.status().name().toUpperCase(java.util.Locale.ROOT));
        return payload;
    }

    /**
     * The booking's payload with the status the change leaves it in, which later triggers of it
     * carry too; a booking that no longer takes place has no meeting to start or end.
     */
    private ObjectNode changed(Booking booking, BookingChange change, Instant at) {
        BookingStatus status = BookingState.statusSetBy(change).orElseThrow();
        ObjectNode payload = booking.payload().deepCopy();
        payload.put("status", status.name().toUpperCase(java.util.Locale.ROOT));
        jdbc.update("update notifications.webhook_bookings set payload = ?::jsonb where booking_id = ?",
                write(payload), booking.bookingId());
        if (!BookingState.takingPlace(status)) {
            cancelPending("booking_id = ? and trigger_event in ('MEETING_STARTED', 'MEETING_ENDED')",
                    booking.bookingId(), at);
        }
        return payload;
    }

    private Booking booking(int bookingId) {
        return jdbc.query("""
                select booking_id, event_type_id, team_id, host_ids::text, start_time, end_time, payload::text
                from notifications.webhook_bookings where booking_id = ?""", (rs, i) -> new Booking(rs.getInt(1),
                (Integer) rs.getObject(2), (Integer) rs.getObject(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant(), read(rs.getString(7))), bookingId)
                .stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No booking " + bookingId + " seen before its change"));
    }

    private java.util.Optional<Booking> bookingByUid(String uid) {
        return jdbc.queryForList("select booking_id from notifications.webhook_bookings where uid = ?",
                Integer.class, uid).stream().findFirst().map(this::booking);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A payload cannot be written", e);
        }
    }

    private ObjectNode read(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored payload cannot be read", e);
        }
    }

    private static String intArray(List<Integer> values) {
        return values == null ? "{}" : values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static String textArray(List<String> values) {
        return values.stream().map(v -> '"' + v + '"').collect(Collectors.joining(",", "{", "}"));
    }
}
