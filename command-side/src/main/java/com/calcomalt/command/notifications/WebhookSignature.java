package com.calcomalt.command.notifications;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * cal.com's X-Cal-Signature-256: the hex HMAC-SHA256 of the exact body bytes, or "no-secret-provided";
 * and Standard Webhooks' headers, whose {@code webhook-id} lets a receiver drop a delivery it already has.
 */
final class WebhookSignature {

    static final String HEADER = "X-Cal-Signature-256";
    static final String NO_SECRET = "no-secret-provided";

    private WebhookSignature() {
    }

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    /**
     * {@code webhook-id} (the delivery's id, the same on every retry), {@code webhook-timestamp} (this
     * attempt's, in seconds) and, with a secret, {@code webhook-signature}: "v1," and the base64
     * HMAC-SHA256 of "id.timestamp.body". Its key is the secret's bytes after "whsec_" base64-decoded
     * when it is written so, as the Standard Webhooks libraries expect, else the secret's UTF-8 bytes.
     */
    static Map<String, String> standardWebhooks(String deliveryId, Instant attemptedAt, String secret, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        String timestamp = String.valueOf(attemptedAt.getEpochSecond());
        headers.put(ID, deliveryId);
        headers.put(TIMESTAMP, timestamp);
        if (secret != null && !secret.isEmpty()) {
            byte[] signed = (deliveryId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
            byte[] content = new byte[signed.length + body.length];
            System.arraycopy(signed, 0, content, 0, signed.length);
            System.arraycopy(body, 0, content, signed.length, body.length);
            headers.put(SIGNATURE, "v1," + Base64.getEncoder().encodeToString(hmac(standardKey(secret), content)));
        }
        return headers;
    }

    static byte[] standardKey(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
                if (key.length > 0) {
                    return key;
                }
            } catch (IllegalArgumentException notBase64) {
                // a secret that merely starts like one is used as it is written
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    static String of(String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            return NO_SECRET;
        }
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
