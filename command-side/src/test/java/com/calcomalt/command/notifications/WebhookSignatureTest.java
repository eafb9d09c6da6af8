package com.calcomalt.command.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_the_body() {
        // RFC 4231, test case 2
        assertThat(WebhookSignature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void without_a_secret_cal_com_says_so() {
        assertThat(WebhookSignature.of(null, new byte[0])).isEqualTo("no-secret-provided");
        assertThat(WebhookSignature.of("", new byte[0])).isEqualTo("no-secret-provided");
    }
}
