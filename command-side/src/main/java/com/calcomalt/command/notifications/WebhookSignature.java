package com.calcomalt.command.notifications;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** cal.com's X-Cal-Signature-256: the hex HMAC-SHA256 of the exact body bytes, or "no-secret-provided". */
final class WebhookSignature {

    static final String HEADER = "X-Cal-Signature-256";
    static final String NO_SECRET = "no-secret-provided";

    private WebhookSignature() {
    }

    static String of(String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            return NO_SECRET;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
