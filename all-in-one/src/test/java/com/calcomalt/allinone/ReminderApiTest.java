package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reminders over HTTP: workflows made through the API, bookings made, moved, cancelled and
 * confirmed through the API, and what follows: WorkflowReminder and ReminderMail rows, rows in the
 * durable scheduler, and emails received by an SMTP server in this JVM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private Member hugo;
    private Member bea;

    @BeforeAll
    void people() {
        client();
        hugo = newMember("hugo", "example.com");
        bea = newMember("bea", "example.com");
        Response schedule = as(hugo.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}"""));
        assertThat(schedule.status().value()).as(schedule.body().toString()).isEqualTo(201);
    }

    private int eventType(String slug, String extra) {
        Response created = as(hugo.key(), () -> post("/v2/event-types", """
                {"title": "Call", "slug": "%s-%s", "lengthInMinutes": 30%s}""".formatted(slug, tag, extra)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    /** A workflow of hugo's with one step (cal.com's shape, stepNumber 1 and sender added), active on the event type. */
    private int workflow(int eventTypeId, String trigger, String step) {
        Response made = as(hugo.key(), () -> post("/v2/workflows", """
                {"name": "Remind", "activation": {"isActiveOnAllEventTypes": false, "activeOnEventTypeIds": [%d]},
                 "trigger": %s, "steps": [{"stepNumber": 1, "sender": "Cal", %s]}"""
                .formatted(eventTypeId, trigger, step.strip().substring(1))));
        assertThat(made.status().value()).as(made.body().toString()).isEqualTo(201);
        int workflowId = made.data().get("id").asInt();
        assertThat(jdbc.queryForList("""
                select "eventTypeId" from "WorkflowsOnEventTypes" where "workflowId" = ?""", Integer.class, workflowId))
                .as("active at once").containsExactly(eventTypeId);
        return made.data().get("steps").get(0).get("id").asInt();
    }

    private static final String NEW_EVENT = "{\"type\": \"newEvent\"}";

    /** An email to the host with cal.com's default subject and body (blank ones are filled in). */
    private static final String DEFAULT_EMAIL_HOST = """
            {"action": "email_host", "message": {"subject": "", "html": ""}}""";

    private static String offset(String type, int value, String unit) {
        return "{\"type\": \"%s\", \"offset\": {\"value\": %d, \"unit\": \"%s\"}}".formatted(type, value, unit);
    }

    private String book(int eventTypeId, String start, String attendeeEmail) {
        Response booked = as(bea.key(), () -> post("/v2/bookings", """
                {"start": "%s", "eventTypeId": %d, "location": "Office Berlin",
                 "attendee": {"name": "Ada Lovelace", "email": "%s", "timeZone": "America/New_York"}}"""
                .formatted(start, eventTypeId, attendeeEmail)));
        assertThat(booked.status().value()).as(String.valueOf(booked.body())).isEqualTo(201);
        return booked.data().get("uid").asText();
    }

    private String email(String name) {
        return name + "-" + tag + "@example.com";
    }

    private List<Map<String, Object>> reminders(String bookingUid) {
        return jdbc.queryForList("""
                select * from "WorkflowReminder" where "bookingUid" = ? order by "scheduledDate", "id\"""", bookingUid);
    }

    private Map<String, Object> reminder(String bookingUid, int stepId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select * from "WorkflowReminder" where "bookingUid" = ? and "workflowStepId" = ?""", bookingUid, stepId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Instant task(String name, String instance) {
        List<OffsetDateTime> times = jdbc.queryForList("""
                select execution_time from scheduler.scheduled_tasks where task_name = ? and task_instance = ?""",
                OffsetDateTime.class, name, instance);
        return times.isEmpty() ? null : times.get(0).toInstant();
    }

    private Instant bookingTime(String uid, String column) {
        return utc(jdbc.queryForObject("select \"" + column + "\" from \"Booking\" where uid = ?", Timestamp.class, uid));
    }

    private static Instant utc(Object timestamp) {
        return ((Timestamp) timestamp).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent()).trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ----------------------------------------------------------------------------------------------

    @Test
    void a_new_event_email_attendee_workflow_sends_exactly_one_filled_in_email() throws Exception {
        int eventTypeId = eventType("welcome", "");
        int stepId = workflow(eventTypeId, NEW_EVENT, """
                {"action": "email_attendee", "message": {"subject": "Booked: {EVENT_NAME}",
                 "html": "Hi {ATTENDEE}, see you on {EVENT_DATE} at {EVENT_TIME} {TIMEZONE} at {LOCATION}."}}""");
        String ada = email("ada");

        String uid = book(eventTypeId, "2094-05-03T08:00:00Z", ada);

        await().atMost(Duration.ofSeconds(15)).until(() -> TestMailServer.to(ada).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> reminder(uid, stepId) != null
                && reminder(uid, stepId).get("referenceId") != null);
        Thread.sleep(1000);
        List<MimeMessage> received = TestMailServer.to(ada);
        assertThat(received).as("exactly one email").hasSize(1);
        String title = jdbc.queryForObject("select title from \"Booking\" where uid = ?", String.class, uid);
        assertThat(subject(received.get(0))).isEqualTo("Booked: " + title);
        assertThat(body(received.get(0))).isEqualTo(
                "Hi Ada Lovelace, see you on Mon, May 3, 2094 at 4:00AM America/New_York at Office Berlin.");

        Map<String, Object> row = reminder(uid, stepId);
        assertThat(row).containsEntry("method", "EMAIL").containsEntry("scheduled", true)
                .containsEntry("cancelled", null).containsEntry("seatReferenceId", null)
                .containsEntry("retryCount", 0).containsEntry("isMandatoryReminder", false)
                .containsEntry("referenceId", received.get(0).getMessageID());
        assertThat(row.get("uuid")).isNotNull();
        assertThat(utc(row.get("scheduledDate"))).as("NEW_EVENT: when the booking was made")
                .isEqualTo(bookingTime(uid, "createdAt"));
        assertThat(task("workflow-reminder", (String) row.get("uuid"))).as("the task is done").isNull();
    }

    @Test
    void reminders_are_planned_from_trigger_and_time_moved_with_a_reschedule_and_cancelled_with_the_booking() {
        int eventTypeId = eventType("timed", "");
        String ops = email("ops");
        int before = workflow(eventTypeId, offset("beforeEvent", 1, "hour"), DEFAULT_EMAIL_HOST);
        int after = workflow(eventTypeId, offset("afterEvent", 15, "minute"), """
                {"action": "sms_number", "phone": "+4915112345678", "message": {"subject": "", "text": "Thanks, {ATTENDEE}"}}""");
        int moved = workflow(eventTypeId, "{\"type\": \"rescheduleEvent\"}", """
                {"action": "email_address", "email": "%s", "message": {"subject": "Moved: {EVENT_DATE} {EVENT_TIME}",
                 "html": "{ATTENDEE} moved it"}}""".formatted(ops));
        int cancelled = workflow(eventTypeId, "{\"type\": \"eventCancelled\"}", """
                {"action": "email_address", "email": "%s", "message": {"subject": "Cancelled",
                 "html": "Reason: {CANCELLATION_REASON}"}}""".formatted(ops));

        String first = book(eventTypeId, "2094-05-04T08:00:00Z", email("ada-timed"));

        await().atMost(Duration.ofSeconds(10)).until(() -> reminders(first).size() == 2);
        Map<String, Object> firstBefore = reminder(first, before);
        Map<String, Object> firstAfter = reminder(first, after);
        assertThat(utc(firstBefore.get("scheduledDate"))).isEqualTo(at("2094-05-04T07:00:00Z"));
        assertThat(firstBefore).containsEntry("method", "EMAIL").containsEntry("scheduled", false)
                .containsEntry("cancelled", null);
        assertThat(utc(firstAfter.get("scheduledDate"))).isEqualTo(at("2094-05-04T08:45:00Z"));
        assertThat(firstAfter).containsEntry("method", "SMS").containsEntry("scheduled", false);
        assertThat(task("workflow-reminder", (String) firstBefore.get("uuid"))).as("durable before it runs")
                .isEqualTo(at("2094-05-04T07:00:00Z"));
        assertThat(task("workflow-reminder", (String) firstAfter.get("uuid"))).isEqualTo(at("2094-05-04T08:45:00Z"));

        Response rescheduled = as(bea.key(), () -> post("/v2/bookings/" + first + "/reschedule", """
                {"start": "2094-05-05T08:00:00Z", "reschedulingReason": "Clash"}"""));
        assertThat(rescheduled.status().value()).as(String.valueOf(rescheduled.body())).isEqualTo(201);
        String second = rescheduled.data().get("uid").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> reminders(first).stream()
                .allMatch(r -> Boolean.TRUE.equals(r.get("cancelled"))));
        assertThat(task("workflow-reminder", (String) firstBefore.get("uuid"))).isNull();
        assertThat(task("workflow-reminder", (String) firstAfter.get("uuid"))).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> reminders(second).size() == 3);
        assertThat(utc(reminder(second, before).get("scheduledDate"))).isEqualTo(at("2094-05-05T07:00:00Z"));
        assertThat(utc(reminder(second, after).get("scheduledDate"))).isEqualTo(at("2094-05-05T08:45:00Z"));
        assertThat(utc(reminder(second, moved).get("scheduledDate"))).as("RESCHEDULE_EVENT: when it was moved")
                .isEqualTo(bookingTime(second, "createdAt"));
        await().atMost(Duration.ofSeconds(15)).until(() -> reminder(second, moved).get("referenceId") != null);
        String hostZone = jdbc.queryForObject("select \"timeZone\" from users where id = ?", String.class, hugo.id());
        assertThat(TestMailServer.to(ops)).as("in the organizer's zone, " + hostZone).extracting(ReminderApiTest::subject)
                .containsExactly("Moved: Wed, May 5, 2094 " + java.time.format.DateTimeFormatter.ofPattern("h:mma",
                        java.util.Locale.ENGLISH).format(at("2094-05-05T08:00:00Z").atZone(java.time.ZoneId.of(hostZone))));

        Response cancel = as(hugo.key(), () -> post("/v2/bookings/" + second + "/cancel",
                "{\"cancellationReason\": \"Ill\"}"));
        assertThat(cancel.status().value()).as(String.valueOf(cancel.body())).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> reminder(second, cancelled) != null
                && Boolean.TRUE.equals(reminder(second, before).get("cancelled"))
                && Boolean.TRUE.equals(reminder(second, after).get("cancelled")));
        assertThat(utc(reminder(second, cancelled).get("scheduledDate"))).as("EVENT_CANCELLED: when it was cancelled")
                .isEqualTo(bookingTime(second, "updatedAt"));
        assertThat(reminder(second, moved)).as("a sent reminder stays sent").containsEntry("cancelled", null)
                .containsEntry("scheduled", true);
        await().atMost(Duration.ofSeconds(15)).until(() -> TestMailServer.to(ops).size() == 2);
        assertThat(body(TestMailServer.to(ops).get(1))).isEqualTo("Reason: Ill");
        assertThat(TestMailServer.to(hugo.email())).as("no BEFORE_EVENT email went out").isEmpty();
    }

    @Test
    void a_booking_awaiting_confirmation_reminds_its_host_with_a_reminder_mail_row_until_confirmed() {
        int eventTypeId = eventType("confirm", ", \"confirmationPolicy\": {\"type\": \"always\", \"blockUnconfirmedBookingsInBooker\": false}");
        String uid = book(eventTypeId, "2094-05-06T08:00:00Z", email("ada-pending"));
        int bookingId = jdbc.queryForObject("select id from \"Booking\" where uid = ?", Integer.class, uid);

        await().atMost(Duration.ofSeconds(10)).until(() -> task("pending-booking-reminder", uid + ":2880") != null);
        Instant made = bookingTime(uid, "createdAt");
        assertThat(task("pending-booking-reminder", uid + ":180")).isEqualTo(made.plus(Duration.ofHours(3)));
        assertThat(task("pending-booking-reminder", uid + ":1440")).isEqualTo(made.plus(Duration.ofHours(24)));
        assertThat(task("pending-booking-reminder", uid + ":2880")).isEqualTo(made.plus(Duration.ofHours(48)));
        assertThat(jdbc.queryForList("select * from \"ReminderMail\" where \"referenceId\" = ?", bookingId)).isEmpty();

        // three hours pass for the durable scheduler
        jdbc.update("update scheduler.scheduled_tasks set execution_time = now() where task_instance = ?", uid + ":180");

        await().atMost(Duration.ofSeconds(15)).until(() -> !jdbc.queryForList(
                "select * from \"ReminderMail\" where \"referenceId\" = ?", bookingId).isEmpty());
        Map<String, Object> row = jdbc.queryForMap("select * from \"ReminderMail\" where \"referenceId\" = ?", bookingId);
        assertThat(row).containsEntry("reminderType", "PENDING_BOOKING_CONFIRMATION").containsEntry("elapsedMinutes", 180);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestMailServer.to(hugo.email()).stream()
                .anyMatch(m -> subject(m).startsWith("Awaiting approval: ")));

        Response confirmed = as(hugo.key(), () -> post("/v2/bookings/" + uid + "/confirm", null));
        assertThat(confirmed.status().value()).as(String.valueOf(confirmed.body())).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> task("pending-booking-reminder", uid + ":1440") == null
                && task("pending-booking-reminder", uid + ":2880") == null);
        assertThat(jdbc.queryForList("select * from \"ReminderMail\" where \"referenceId\" = ?", bookingId)).hasSize(1);
    }

    @Test
    void rebuilding_the_projections_leaves_the_reminder_tables_identical_and_sends_nothing() {
        int eventTypeId = eventType("replayed", "");
        String ops = email("ops-replay");
        workflow(eventTypeId, offset("beforeEvent", 1, "day"), DEFAULT_EMAIL_HOST);
        int welcome = workflow(eventTypeId, NEW_EVENT, """
                {"action": "email_address", "email": "%s", "message": {"subject": "", "html": ""}}""".formatted(ops));
        String uid = book(eventTypeId, "2094-05-07T08:00:00Z", email("ada-replay"));
        await().atMost(Duration.ofSeconds(15)).until(() -> reminder(uid, welcome) != null
                && reminder(uid, welcome).get("referenceId") != null);
        awaitProjectionsCaughtUp();
        List<String> reminders = jdbc.queryForList("select t::text from \"WorkflowReminder\" t order by 1", String.class);
        List<String> mails = jdbc.queryForList("select t::text from \"ReminderMail\" t order by 1", String.class);
        int emails = TestMailServer.get().getReceivedMessages().length;
        long tasks = jdbc.queryForObject("select count(*) from scheduler.scheduled_tasks", Long.class);
        assertThat(TestMailServer.to(ops)).hasSize(1);

        Response replay = post("/v2/admin/projections/replay", null);
        assertThat(replay.status().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("users") > 0);
        awaitProjectionsCaughtUp();

        assertThat(jdbc.queryForList("select t::text from \"WorkflowReminder\" t order by 1", String.class))
                .containsExactlyElementsOf(reminders);
        assertThat(jdbc.queryForList("select t::text from \"ReminderMail\" t order by 1", String.class))
                .containsExactlyElementsOf(mails);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> TestMailServer.get().getReceivedMessages().length == emails);
        assertThat(jdbc.queryForObject("select count(*) from scheduler.scheduled_tasks", Long.class))
                .as("nothing planned again").isEqualTo(tasks);
    }

    @Test
    void a_failed_reminder_counts_its_tries_and_is_sent_again_only_when_an_operator_retries_it() {
        int eventTypeId = eventType("texted", "");
        int stepId = workflow(eventTypeId, NEW_EVENT, """
                {"action": "sms_attendee", "phoneRequired": false, "message": {"subject": "", "text": "Booked, {ATTENDEE}"}}""");
        String uid = book(eventTypeId, "2094-05-10T08:00:00Z", email("ada-no-phone"));

        await().atMost(Duration.ofSeconds(15)).until(() -> reminder(uid, stepId) != null
                && Integer.valueOf(1).equals(reminder(uid, stepId).get("retryCount")));
        Map<String, Object> failed = reminder(uid, stepId);
        assertThat(failed).as("no number to text: failed, as cal.com counts it").containsEntry("method", "SMS")
                .containsEntry("scheduled", false).containsEntry("referenceId", null).containsEntry("cancelled", null);
        String uuid = (String) failed.get("uuid");
        Response listed = get("/v2/admin/workflow-reminders?failed=true&bookingUid=" + uid);
        assertThat(listed.status().value()).as(String.valueOf(listed.body())).isEqualTo(200);
        assertThat(listed.data()).as("the operator finds the uuid without psql").hasSize(1);
        assertThat(listed.data().get(0).get("uuid").asText()).isEqualTo(uuid);
        assertThat(listed.data().get(0).get("method").asText()).isEqualTo("SMS");
        assertThat(listed.data().get(0).get("retryCount").asInt()).isEqualTo(1);
        assertThat(listed.data().get(0).get("failed").asBoolean()).isTrue();
        assertThat(get("/v2/admin/workflow-reminders?failed=true").data().findValuesAsText("uuid")).contains(uuid);
        assertThat(as(hugo.key(), () -> get("/v2/admin/workflow-reminders?bookingUid=" + uid)).status().value())
                .as("operators only").isEqualTo(403);

        assertThat(as(hugo.key(), () -> post("/v2/admin/workflow-reminders/" + uuid + "/retry", null)).status().value())
                .as("operators only").isEqualTo(403);
        Response retried = post("/v2/admin/workflow-reminders/" + uuid + "/retry", null);
        assertThat(retried.status().value()).as(String.valueOf(retried.body())).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> Integer.valueOf(2).equals(reminder(uid, stepId).get("retryCount")));
        assertThat(reminder(uid, stepId)).containsEntry("scheduled", false);
    }

    @Test
    void a_sent_reminder_is_not_retried() {
        int eventTypeId = eventType("sent-once", "");
        String ops = email("ops-sent");
        int stepId = workflow(eventTypeId, NEW_EVENT, """
                {"action": "email_address", "email": "%s", "message": {"subject": "", "html": ""}}""".formatted(ops));
        String uid = book(eventTypeId, "2094-05-11T08:00:00Z", email("ada-sent"));
        await().atMost(Duration.ofSeconds(15)).until(() -> reminder(uid, stepId) != null
                && reminder(uid, stepId).get("referenceId") != null);

        Response retried = post("/v2/admin/workflow-reminders/" + reminder(uid, stepId).get("uuid") + "/retry", null);
        JsonNode sent = get("/v2/admin/workflow-reminders?bookingUid=" + uid).data();
        assertThat(sent.findValuesAsText("uuid")).contains((String) reminder(uid, stepId).get("uuid"));
        assertThat(sent.findValues("failed")).allMatch(f -> !f.asBoolean());
        assertThat(get("/v2/admin/workflow-reminders?failed=true&bookingUid=" + uid).data()).isEmpty();

        assertThat(retried.status().value()).isEqualTo(409);
        assertThat(post("/v2/admin/workflow-reminders/no-such-reminder/retry", null).status().value()).isEqualTo(404);
        assertThat(TestMailServer.to(ops)).hasSize(1);
    }
}
