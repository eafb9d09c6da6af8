package com.calcomalt.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.notifications.TimeUnit;
import com.calcomalt.contracts.notifications.WebhookCreated;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.contracts.notifications.WebhookUpdated;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Events as revision 1 stored them, with the secret in plaintext, read as revision 2. */
class WebhookSecretUpcasterTest {

    private final SecretBox secrets = SecretBox.withKey(SecretBox.DEVELOPMENT_KEY);
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build())
            .build();
    private final EventUpcasterChain chain = new EventUpcasterChain(
            new WebhookSecretUpcaster(WebhookCreated.class.getName(), secrets),
            new WebhookSecretUpcaster(WebhookUpdated.class.getName(), secrets));

    private IntermediateEventRepresentation read(Class<?> type, String revision, String json) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Webhook", "webhook:wh-1", 0,
                "event-" + type.getSimpleName(), "2026-03-29T00:30:00.123Z", type.getName(), revision,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return chain.upcast(java.util.stream.Stream.of(new InitialEventRepresentation(entry, serializer)))
                .findFirst().orElseThrow();
    }

    private Object payload(IntermediateEventRepresentation event) {
        return serializer.deserialize(event.getData(byte[].class));
    }

    @Test
    void an_old_webhook_created_is_read_with_its_secret_sealed() {
        IntermediateEventRepresentation upcast = read(WebhookCreated.class, "1", """
                {"webhookId":"wh-1","userId":1,"teamId":null,"eventTypeId":null,
                 "subscriberUrl":"https://hooks.example.com/cal","eventTriggers":["BOOKING_CREATED","MEETING_ENDED"],
                 "secret":"s3cret","active":true,"payloadTemplate":null,"time":5,"timeUnit":"minute",
                 "createdAt":"2026-03-29T00:30:00.123Z"}""");

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(new String(upcast.getData(byte[].class).getData(), StandardCharsets.UTF_8))
                .doesNotContain("s3cret").doesNotContain("\"secret\"");
        WebhookCreated event = (WebhookCreated) payload(upcast);
        assertThat(secrets.open(event.encryptedSecret())).isEqualTo("s3cret");
        assertThat(event).usingRecursiveComparison().ignoringFields("encryptedSecret")
                .isEqualTo(new WebhookCreated("wh-1", 1, null, null, "https://hooks.example.com/cal",
                        List.of(WebhookTriggerEvent.BOOKING_CREATED, WebhookTriggerEvent.MEETING_ENDED), null, true,
                        null, 5, TimeUnit.minute, Instant.parse("2026-03-29T00:30:00.123Z")));
    }

    @Test
    void an_old_webhook_updated_without_a_secret_stays_without() {
        IntermediateEventRepresentation upcast = read(WebhookUpdated.class, "1", """
                {"webhookId":"wh-1","userId":null,"teamId":10,"eventTypeId":null,
                 "subscriberUrl":"https://hooks.example.com/b","eventTriggers":["BOOKING_CANCELLED"],
                 "secret":null,"payloadTemplate":"{}","time":null,"timeUnit":null,
                 "updatedAt":"2026-03-29T01:00:00.500Z"}""");

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat((WebhookUpdated) payload(upcast)).isEqualTo(new WebhookUpdated("wh-1", null, 10, null,
                "https://hooks.example.com/b", List.of(WebhookTriggerEvent.BOOKING_CANCELLED), null, "{}", null, null,
                Instant.parse("2026-03-29T01:00:00.500Z")));
    }

    @Test
    void a_new_event_is_left_as_it_is() {
        String sealed = secrets.seal("s3cret");
        IntermediateEventRepresentation read = read(WebhookUpdated.class, "2", """
                {"webhookId":"wh-1","userId":1,"teamId":null,"eventTypeId":null,
                 "subscriberUrl":"https://hooks.example.com/b","eventTriggers":["BOOKING_CANCELLED"],
                 "encryptedSecret":"%s","payloadTemplate":null,"time":null,"timeUnit":null,
                 "updatedAt":"2026-03-29T01:00:00.500Z"}""".formatted(sealed));

        assertThat(((WebhookUpdated) payload(read)).encryptedSecret()).isEqualTo(sealed);
    }
}
