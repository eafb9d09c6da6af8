package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches, through {@code /actuator/health} and {@code /actuator/metrics}: a webhook
 * delivery and a reminder that fail, and scheduled work that is due or failing, move their gauges
 * and health details, and health stays UP for them.
 */
class OperatorViewApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String dueTask = "operator-view-due-" + tag;
    private final String failingTask = "operator-view-failing-" + tag;
    private HttpServer gone;

    /** A subscriber that answers 410 Gone: a 4xx ends the delivery as FAILED after its first try. */
    @BeforeEach
    void startGoneSubscriber() throws IOException {
        gone = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gone.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        gone.start();
    }

    @AfterEach
    void stopAndForgetTasks() {
        gone.stop(0);
        jdbc.update("delete from scheduler.scheduled_tasks where task_name in (?, ?)", dueTask, failingTask);
    }

    @Test
    void a_failed_delivery_a_failed_reminder_and_due_or_failing_tasks_show_in_metrics_and_health_which_stays_up() {
        double failedDeliveries = gauge("calalt.webhook.deliveries.failed", null);
        double failedReminders = gauge("calalt.reminders.failed", null);
        double due = gauge("calalt.scheduler.tasks", "state:due");
        double failing = gauge("calalt.scheduler.tasks", "state:failed");

        bookWithAGoneWebhookAndAnSmsToNoNumber();
        jdbc.update("""
                insert into scheduler.scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values (?, 'one', now() - interval '1 minute', false, 1)""", dueTask);
        jdbc.update("""
                insert into scheduler.scheduled_tasks (task_name, task_instance, execution_time, picked,
                    consecutive_failures, last_failure, version)
                values (?, 'one', now() + interval '1 day', false, 2, now(), 1)""", failingTask);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(gauge("calalt.webhook.deliveries.failed", null)).isEqualTo(failedDeliveries + 1);
            assertThat(gauge("calalt.reminders.failed", null)).isEqualTo(failedReminders + 1);
            assertThat(gauge("calalt.scheduler.tasks", "state:due")).isGreaterThanOrEqualTo(due + 1);
            assertThat(gauge("calalt.scheduler.tasks", "state:failed")).isEqualTo(failing + 1);
        });
        JsonNode operations = as(null, () -> get("/actuator/health")).body().at("/components/operations");
        assertThat(operations.get("status").asText()).as("warnings, not a reason to leave the load balancer")
                .isEqualTo("UP");
        JsonNode details = operations.get("details");
        assertThat(details.at("/webhookDeliveries/failed").asDouble()).isEqualTo(failedDeliveries + 1);
        assertThat(details.has("webhookDeliveries") && details.at("/webhookDeliveries").has("retrying")).isTrue();
        assertThat(details.at("/reminders/failed").asDouble()).isEqualTo(failedReminders + 1);
        assertThat(details.at("/schedulerTasks/due").asDouble()).isGreaterThanOrEqualTo(due + 1);
        assertThat(details.at("/schedulerTasks/failed").asDouble()).isEqualTo(failing + 1);
        assertThat(details.at("/calendarWrites").has("failed")).isTrue();
        assertThat(details.at("/databasePool/max").asInt()).isEqualTo(20);
        assertThat(as(null, () -> get("/actuator/health/readiness")).status().value()).isEqualTo(200);
        assertThat(gauge("dbscheduler_task_completions", "result:ok")).as("db-scheduler's own meters, per task")
                .isPositive();
    }

    @Test
    void each_processors_lag_is_a_gauge_and_a_health_detail_that_drops_to_zero_once_caught_up() {
        newMember("lagging", "example.com");
        awaitProjectionsCaughtUp();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("calalt.processor.lag", "processor:calcom-projections")).isZero();
            JsonNode lag = as(null, () -> get("/actuator/health")).body()
                    .at("/components/operations/details/processorLag/calcom-projections");
            assertThat(lag.get("lag").asLong()).isZero();
            assertThat(lag.get("segmentsHere").asInt()).isPositive();
        });
        assertThat(as(null, () -> get("/actuator/health")).body().at("/components/operations/details/eventStoreHead")
                .asLong()).isPositive();
    }

    @Test
    void the_database_pool_is_measured_by_hikari_under_the_pool_name() {
        for (String name : new String[] {"hikaricp.connections.active", "hikaricp.connections.idle",
                "hikaricp.connections.pending", "hikaricp.connections.max", "hikaricp.connections.timeout"}) {
            Response metric = get("/actuator/metrics/" + name + "?tag=pool:calalt");
            assertThat(metric.status().value()).as(name).isEqualTo(200);
        }
        assertThat(gauge("hikaricp.connections.max", "pool:calalt")).isEqualTo(20);
    }

    @Test
    void metrics_are_for_system_administrators_only() {
        assertThat(as(null, () -> get("/actuator/metrics/calalt.reminders.failed")).status().value()).isEqualTo(401);
        Member member = newMember("curious", "example.com");
        assertThat(as(member.key(), () -> get("/actuator/metrics/calalt.reminders.failed")).status().value())
                .isEqualTo(403);
    }

    private double gauge(String name, String tagFilter) {
        Response metric = get("/actuator/metrics/" + name + (tagFilter == null ? "" : "?tag=" + tagFilter));
        assertThat(metric.status().value()).as(name + " " + metric.body()).isEqualTo(200);
        return metric.body().at("/measurements/0/value").asDouble();
    }

    /**
     * A host whose BOOKING_CREATED webhook points at the gone subscriber, and whose NEW_EVENT workflow
     * texts an attendee who gave no number, so both fail once a booking is made.
     */
    private void bookWithAGoneWebhookAndAnSmsToNoNumber() {
        Member host = newMember("watched", "example.com");
        Member booker = newMember("watcher", "example.com");
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        Response eventType = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Watched", "slug": "watched-%s", "lengthInMinutes": 30}""".formatted(tag)));
        assertThat(eventType.status().value()).as(eventType.body().toString()).isEqualTo(201);
        int eventTypeId = eventType.data().get("id").asInt();
        Response webhook = as(host.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "http://127.0.0.1:%d/gone", "active": true, "triggers": ["BOOKING_CREATED"]}"""
                .formatted(gone.getAddress().getPort())));
        assertThat(webhook.status().value()).as(webhook.body().toString()).isEqualTo(201);
        Response workflow = as(host.key(), () -> post("/v2/workflows", """
                {"name": "Text them", "activation": {"isActiveOnAllEventTypes": false}, "trigger": {"type": "newEvent"},
                 "steps": [{"stepNumber": 1, "action": "sms_attendee", "phoneRequired": false, "sender": "Cal",
                            "message": {"subject": "", "text": "Booked, {ATTENDEE}"}}]}"""));
        assertThat(workflow.status().value()).as(workflow.body().toString()).isEqualTo(201);
        Response activated = as(host.key(), () -> put("/v2/workflows/" + workflow.data().get("id").asInt()
                + "/activation", "{\"activeOnEventTypeIds\": [%d]}".formatted(eventTypeId)));
        assertThat(activated.status().value()).as(String.valueOf(activated.body())).isBetween(200, 204);
        Response booked = as(booker.key(), () -> post("/v2/bookings", """
                {"start": "2094-12-06T09:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada Watcher", "email": "ada-%s@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(eventTypeId, tag)));
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
    }
}
