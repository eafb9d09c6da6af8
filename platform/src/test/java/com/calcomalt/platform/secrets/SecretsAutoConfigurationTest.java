package com.calcomalt.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SecretsAutoConfigurationTest {

    private static final String WARNING = "Secrets are sealed with the development key";
    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecretsAutoConfiguration.class));

    @Test
    void without_a_key_the_development_key_works_and_a_warning_says_so_once(CapturedOutput output) {
        contexts.run(context -> {
            String sealed = context.getBean(SecretBox.class).seal("s3cret");
            assertThat(SecretBox.withKey(SecretBox.DEVELOPMENT_KEY).open(sealed)).isEqualTo("s3cret");
            assertThat(context.getBeansOfType(WebhookSecretUpcaster.class)).hasSize(2);
        });
        assertThat(output.getAll().split(WARNING, -1)).hasSize(2);
    }

    @Test
    void the_development_key_set_as_configuration_warns_too(CapturedOutput output) {
        contexts.withPropertyValues("calalt.secrets.encryption-key=" + SecretBox.DEVELOPMENT_KEY)
                .run(context -> assertThat(context).hasSingleBean(SecretBox.class));
        assertThat(output.getAll()).contains(WARNING);
    }

    @Test
    void a_configured_key_seals_and_no_warning_is_given(CapturedOutput output) {
        String key = Base64.getEncoder().encodeToString("a production key of 32 bytes !!!".getBytes(StandardCharsets.US_ASCII));
        contexts.withPropertyValues("calalt.secrets.encryption-key=" + key).run(context -> {
            String sealed = context.getBean(SecretBox.class).seal("s3cret");
            assertThat(SecretBox.withKey(key).open(sealed)).isEqualTo("s3cret");
        });
        assertThat(output.getAll()).doesNotContain(WARNING);
    }

    @Test
    void a_key_of_the_wrong_size_stops_the_start() {
        contexts.withPropertyValues("calalt.secrets.encryption-key=" + Base64.getEncoder().encodeToString(new byte[16]))
                .run(context -> assertThat(context).hasFailed());
    }
}
