package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserRegistered;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rebuild of the projections is an operation, not an outage: it is built beside the live tables,
 * which keep answering in full and keep following new events until the rebuild is switched in.
 */
class ProjectionRebuildApiTest extends ApiTest {

    private static final String PROCESSOR = "calcom-projections";

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Test
    void during_a_rebuild_of_one_processor_bookings_answer_in_full_and_every_other_processor_keeps_running() {
        Member host = newMember("rebuilt-host", "example.com");
        Member booker = newMember("rebuilt-booker", "example.com");
        List<String> booked = bookingsOf(host, booker, 6);
        storeUsersStraightIntoTheEventStore(3_000);
        awaitProjectionsCaughtUp();
        Set<String> listed = uidsListedFor(host);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(booked);
        List<String> others = eventProcessing.eventProcessors().keySet().stream().filter(n -> !n.equals(PROCESSOR)).toList();
        assertThat(others).contains("webhook-delivery", "workflow-reminders", "calendar-writer");

        Response started = post("/v2/admin/projections/replay?processor=" + PROCESSOR, null);

        assertThat(started.status().value()).isEqualTo(202);
        assertThat(rebuildOf(started.data()).get("state").asText()).isIn("BUILDING", "SWITCHING");
        int readsDuringTheRebuild = 0;
        boolean newUserReadDuringTheBuild = false;
        List<Double> percents = new ArrayList<>();
        JsonNode rebuild;
        while (true) {
            JsonNode status = get("/v2/admin/projections").data();
            rebuild = rebuildOf(status);
            if (!Set.of("BUILDING", "SWITCHING").contains(rebuild.get("state").asText())) {
                break;
            }
            percents.add(rebuild.get("percent").asDouble());
            assertThat(uidsListedFor(host)).as("GET /v2/bookings while the projections are rebuilt").isEqualTo(listed);
            readsDuringTheRebuild++;
            for (String other : others) {
                assertThat(eventProcessing.eventProcessor(other).map(EventProcessor::isRunning))
                        .as(other + " while " + PROCESSOR + " is rebuilt").contains(true);
            }
            if (!newUserReadDuringTheBuild && "BUILDING".equals(rebuild.get("state").asText())) {
                int userId = post("/v2/users", """
                        {"email": "during-%1$s@example.com", "username": "during-%1$s"}"""
                        .formatted(UUID.randomUUID().toString().substring(0, 8))).data().get("id").asInt();
                assertThat(get("/v2/users/" + userId).status().value())
                        .as("the live projection goes on while the rebuild is built").isEqualTo(200);
                newUserReadDuringTheBuild = true;
            }
        }
        assertThat(rebuild.get("state").asText()).as(String.valueOf(rebuild.get("failure"))).isEqualTo("DONE");
        assertThat(rebuild.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(rebuild.get("switchMillis").asLong()).as("the live processor was stopped for the switch").isPositive();
        assertThat(readsDuringTheRebuild).as("reads made while the rebuild ran").isGreaterThanOrEqualTo(3);
        assertThat(newUserReadDuringTheBuild).isTrue();
        assertThat(percents).isSorted();
        awaitProjectionsCaughtUp();
        assertThat(uidsListedFor(host)).isEqualTo(listed);
    }

    @Test
    void verify_finds_a_rebuild_identical_and_names_the_table_of_a_row_changed_by_hand() {
        Member host = newMember("verified-host", "example.com");
        Member booker = newMember("verified-booker", "example.com");
        String uid = bookingsOf(host, booker, 1).get(0);
        awaitProjectionsCaughtUp();
        assertThat(finished(post("/v2/admin/projections/replay", null), "REBUILD").get("state").asText()).isEqualTo("DONE");

        JsonNode identical = verification(post("/v2/admin/projections/verify", null));

        assertThat(identical.get("identical").asBoolean()).as(identical.toString()).isTrue();
        assertThat(identical.get("differing")).isEmpty();
        List<String> tables = new ArrayList<>();
        identical.get("tables").forEach(t -> {
            tables.add(t.get("table").asText());
            assertThat(t.get("liveRows").asLong()).isEqualTo(t.get("rebuiltRows").asLong());
            assertThat(t.get("liveChecksum").asText()).isEqualTo(t.get("rebuiltChecksum").asText());
        });
        assertThat(tables).contains("Booking", "Attendee", "users", "EventType", "query_side.booking_listing");

        jdbc.update("update \"Attendee\" set name = 'changed by hand' where \"bookingId\" = (select id from \"Booking\" where uid = ?)", uid);
        JsonNode tampered = verification(post("/v2/admin/projections/verify?processor=" + PROCESSOR, null));

        assertThat(tampered.get("identical").asBoolean()).isFalse();
        assertThat(tampered.get("differing").toString()).isEqualTo("[\"Attendee\"]");

        finished(post("/v2/admin/projections/replay", null), "REBUILD");
        assertThat(jdbc.queryForList("select name from \"Attendee\" where \"bookingId\" = (select id from \"Booking\" where uid = ?)",
                String.class, uid)).as("the rebuild put the row back").doesNotContain("changed by hand");
        assertThat(verification(post("/v2/admin/projections/verify", null)).get("identical").asBoolean()).isTrue();
    }

    @Test
    void the_status_shows_position_head_rate_percent_and_eta_and_the_lag_is_a_metric() {
        awaitProjectionsCaughtUp();
        JsonNode processor = processorOf(get("/v2/admin/projections").data());
        assertThat(processor.get("position").asLong()).isEqualTo(processor.get("head").asLong());
        assertThat(processor.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(processor.get("lag").asLong()).isZero();
        assertThat(processor.get("etaSeconds").asLong()).isZero();
        assertThat(processor.has("eventsPerSecond")).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode lag = get("/actuator/metrics/calalt.projection.lag.events?tag=processor:" + PROCESSOR).body();
            assertThat(lag.at("/measurements/0/value").asDouble()).isZero();
        });
        for (String metric : List.of("calalt.projection.lag.seconds", "calalt.projection.events.rate",
                "calalt.projection.rebuild.progress", "calalt.projection.rebuild.events.rate")) {
            assertThat(get("/actuator/metrics/" + metric + "?tag=processor:" + PROCESSOR).status().value())
                    .as(metric).isEqualTo(200);
        }
        String prometheus = http.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + ADMIN_KEY)
                .retrieve().body(String.class);
        assertThat(prometheus).contains("calalt_projection_lag_events{processor=\"calcom-projections\"}");
    }

    private JsonNode verification(Response started) {
        finished(started, "VERIFY");
        return processorOf(get("/v2/admin/projections").data()).get("lastVerification");
    }

    private JsonNode finished(Response started, String mode) {
        assertThat(started.status().value()).as(String.valueOf(started.body())).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() ->
                !Set.of("BUILDING", "SWITCHING").contains(rebuildOf(get("/v2/admin/projections").data()).get("state").asText()));
        JsonNode rebuild = rebuildOf(get("/v2/admin/projections").data());
        assertThat(rebuild.get("mode").asText()).isEqualTo(mode);
        assertThat(rebuild.get("state").asText()).as(String.valueOf(rebuild.get("failure"))).isEqualTo("DONE");
        return rebuild;
    }

    private static JsonNode processorOf(JsonNode status) {
        for (JsonNode processor : status.get("processors")) {
            if (PROCESSOR.equals(processor.get("name").asText())) {
                return processor;
            }
        }
        throw new AssertionError("no " + PROCESSOR + " in " + status);
    }

    private static JsonNode rebuildOf(JsonNode status) {
        return processorOf(status).get("rebuild");
    }

    private Set<String> uidsListedFor(Member host) {
        Response response = as(host.key(), () -> get("/v2/bookings?take=100"));
        assertThat(response.status().value()).isEqualTo(200);
        Set<String> uids = new TreeSet<>();
        response.data().forEach(booking -> uids.add(booking.get("uid").asText()));
        return uids;
    }

    /** Enough events for a rebuild that lasts a while, faster than through the API. */
    private void storeUsersStraightIntoTheEventStore(int users) {
        int first = Integer.MAX_VALUE / 4 + ThreadLocalRandom.current().nextInt(1_000_000) * 100;
        for (int i = 0; i < users; i++) {
            int userId = first + i;
            eventStore.publish(new GenericDomainEventMessage<>("User", UserIds.aggregateId(userId), 0,
                    new UserRegistered(userId, UUID.randomUUID(), "bulk-" + userId + "@example.com", "bulk-" + userId,
                            null, "UTC", "Monday", null, 12, IdentityProvider.CAL, null, CreationSource.api_v2,
                            Instant.now())));
        }
    }
}
