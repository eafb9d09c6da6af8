package com.calcomalt.platform.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 of {@code WebhookCreated} and {@code WebhookUpdated} carried the webhook's secret in
 * plaintext ({@code secret}); revision 2 carries it sealed ({@code encryptedSecret}). Old events are
 * sealed as they are read, so every handler sees only revision 2 and the plaintext never leaves this
 * class. Such events were only ever written to development databases.
 */
public class WebhookSecretUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType oldType;
    private final SimpleSerializedType newType;
    private final SecretBox secrets;

    /** {@code eventType} is the event's class name as stored, e.g. {@code ...notifications.WebhookCreated}. */
    public WebhookSecretUpcaster(String eventType, SecretBox secrets) {
        this.oldType = new SimpleSerializedType(eventType, "1");
        this.newType = new SimpleSerializedType(eventType, "2");
        this.secrets = secrets;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return oldType.equals(intermediateRepresentation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(newType, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            JsonNode secret = event.remove("secret");
            if (secret == null || secret.isNull()) {
                event.putNull("encryptedSecret");
            } else {
                event.put("encryptedSecret", secrets.seal(secret.asText()));
            }
            return event;
        });
    }
}
