package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event that a projector cannot handle, stored before the edge refused such input: it holds back
 * its own aggregate in its own table, every other tenant goes on, and an operator sees it, retries it
 * and evicts it over HTTP.
 */
class DeadLettersApiTest extends ApiTest {

    @Autowired
    EventStore eventStore;

    @Test
    void a_poison_event_holds_back_only_its_user_and_an_operator_sees_retries_and_evicts_it() {
        Member poisoned = newMember("poisoned", "example.com");
        String aggregate = UserIds.aggregateId(poisoned.id());
        awaitFound("/v2/users/" + poisoned.id());
        storeBio(poisoned, "a\u0000b");

        Member later = newMember("later", "example.com");
        awaitFound("/v2/users/" + later.id());
        awaitProjectionsCaughtUp();
        JsonNode letter = await().atMost(Duration.ofSeconds(10)).until(() -> letterOf(aggregate), l -> l != null);
        assertThat(letter.get("processingGroup").asText()).isEqualTo("calcom.users");
        assertThat(letter.get("firstEventType").asText()).endsWith("UserProfileUpdated");
        assertThat(letter.get("causeMessage").asText()).contains("0x00");

        JsonNode health = await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/actuator/health").body().at("/components/deadLetters"),
                        h -> h.at("/details/byProcessingGroup/calcom.users").asInt() > 0);
        assertThat(health.get("status").asText()).as("one tenant's letter takes no node out of service")
                .isEqualTo("UP");
        assertThat(get("/actuator/metrics/calalt.dead.letters?tag=processing_group:calcom.users").body()
                .at("/measurements/0/value").asDouble()).isPositive();

        Response forbidden = as(later.key(), () -> get("/v2/admin/dead-letters"));
        assertThat(forbidden.status().value()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");

        Response retried = post("/v2/admin/dead-letters/retry", null);
        assertThat(retried.status().value()).isEqualTo(200);
        assertThat(retried.data().get("remaining").asInt()).as("a letter that fails again stays").isPositive();
        assertThat(letterOf(aggregate)).isNotNull();

        assertThat(delete("/v2/admin/dead-letters/calcom.users/" + aggregate).status().value()).isEqualTo(204);
        assertThat(letterOf(aggregate)).isNull();
        Response gone = delete("/v2/admin/dead-letters/calcom.users/" + aggregate);
        assertThat(gone.status().value()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");

        Response fixed = as(poisoned.key(), () -> patch("/v2/me", "{\"bio\": \"fixed\"}"));
        assertThat(fixed.status().value()).as(String.valueOf(fixed.body())).isEqualTo(200);
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForObject("select bio from users where id = ?", String.class, poisoned.id()))
                .as("the evicted aggregate's next event is handled again").isEqualTo("fixed");
        // A rebuild later in this JVM's shared event store would hold the poison back again, and the user's
        // rebuilt row would differ from the live one: the stored bio loses its NUL.
        jdbc.update("""
                update eventstore.domain_event_entry
                set payload = convert_to(replace(convert_from(payload, 'UTF8'), '\\u0000', ''), 'UTF8')
                where aggregate_identifier = ?""", aggregate);
    }

    /** Appends the change as the command side would have before the edge refused NUL. */
    private void storeBio(Member member, String bio) {
        String aggregate = UserIds.aggregateId(member.id());
        long next = jdbc.queryForObject(
                "select max(sequence_number) + 1 from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregate);
        String username = jdbc.queryForObject("select username from users where id = ?", String.class, member.id());
        eventStore.publish(new GenericDomainEventMessage<>("User", aggregate, next,
                new UserProfileUpdated(member.id(), username, "Poisoned", bio, "UTC", "Monday", "en", 12, null,
                        null, null, null, null, false, true, Map.of(), Instant.now())));
    }

    private JsonNode letterOf(String aggregate) {
        for (JsonNode letter : get("/v2/admin/dead-letters").data()) {
            if (letter.get("sequenceIdentifier").asText().equals(aggregate)) {
                return letter;
            }
        }
        return null;
    }
}
