package com.calcomalt.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SecretBox box = SecretBox.withKey(SecretBox.DEVELOPMENT_KEY);

    @Test
    void a_sealed_secret_opens_to_the_same_text() {
        String sealed = box.seal("whsec-ünïcödé 🔑");

        assertThat(sealed).startsWith("v1:").doesNotContain("whsec");
        assertThat(box.open(sealed)).isEqualTo("whsec-ünïcödé 🔑");
        assertThat(box.open(box.seal(""))).isEmpty();
    }

    @Test
    void null_stays_null() {
        assertThat(box.seal(null)).isNull();
        assertThat(box.open(null)).isNull();
    }

    @Test
    void the_same_secret_is_sealed_with_a_new_nonce_each_time() {
        String first = box.seal("s3cret");
        String second = box.seal("s3cret");

        assertThat(first).isNotEqualTo(second);
        byte[] firstBytes = Base64.getDecoder().decode(first.substring(3));
        byte[] secondBytes = Base64.getDecoder().decode(second.substring(3));
        assertThat(java.util.Arrays.copyOf(firstBytes, 12)).isNotEqualTo(java.util.Arrays.copyOf(secondBytes, 12));
        assertThat(firstBytes).hasSize(12 + "s3cret".length() + 16);
    }

    @Test
    void a_changed_value_is_refused() {
        byte[] bytes = Base64.getDecoder().decode(box.seal("s3cret").substring(3));
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            String changed = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> box.open(changed)).isInstanceOf(SecretBox.SecretUnreadable.class);
        }
    }

    @Test
    void another_key_cannot_open_it() {
        String sealed = box.seal("s3cret");

        assertThatThrownBy(() -> SecretBox.withKey(OTHER_KEY).open(sealed))
                .isInstanceOf(SecretBox.SecretUnreadable.class)
                .hasMessage("A sealed secret was changed or sealed with another key");
    }

    @Test
    void what_is_not_sealed_is_refused() {
        assertThatThrownBy(() -> box.open("s3cret")).isInstanceOf(SecretBox.SecretUnreadable.class);
        assertThatThrownBy(() -> box.open("v1:not base64!")).isInstanceOf(SecretBox.SecretUnreadable.class);
        assertThatThrownBy(() -> box.open("v1:AAAA")).isInstanceOf(SecretBox.SecretUnreadable.class);
        assertThatThrownBy(() -> box.open("v2:" + box.seal("s3cret").substring(3)))
                .isInstanceOf(SecretBox.SecretUnreadable.class);
    }

    @Test
    void a_key_is_32_bytes_of_base64() {
        assertThatThrownBy(() -> SecretBox.withKey(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 32");
        assertThatThrownBy(() -> SecretBox.withKey("not a key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The secrets encryption key is not base64");
    }

    @Test
    void the_box_never_prints_its_key() {
        assertThat(box.toString()).doesNotContain(SecretBox.DEVELOPMENT_KEY);
    }
}
