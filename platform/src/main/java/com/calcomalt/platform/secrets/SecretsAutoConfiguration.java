package com.calcomalt.platform.secrets;

import com.calcomalt.contracts.notifications.WebhookCreated;
import com.calcomalt.contracts.notifications.WebhookUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The {@link SecretBox} both sides share, keyed by {@code calalt.secrets.encryption-key} (base64, 32
 * bytes; the same on every process that reads the event store), and the upcasters that seal the
 * secrets of events written before secrets were sealed. Without a key the development key is used,
 * so a fresh clone runs as it is, and a warning says so at start.
 */
@AutoConfiguration
public class SecretsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsAutoConfiguration.class);

    @Bean
    SecretBox secretBox(@Value("${calalt.secrets.encryption-key:}") String key) {
        if (key.isBlank() || key.strip().equals(SecretBox.DEVELOPMENT_KEY)) {
            log.warn("Secrets are sealed with the development key, which is public: set calalt.secrets.encryption-key"
                    + " (CALALT_SECRETS_ENCRYPTION_KEY, e.g. openssl rand -base64 32) anywhere but on a laptop");
            return SecretBox.withKey(SecretBox.DEVELOPMENT_KEY);
        }
        return SecretBox.withKey(key);
    }

    @Bean
    WebhookSecretUpcaster webhookCreatedSecretUpcaster(SecretBox secrets) {
        return new WebhookSecretUpcaster(WebhookCreated.class.getName(), secrets);
    }

    @Bean
    WebhookSecretUpcaster webhookUpdatedSecretUpcaster(SecretBox secrets) {
        return new WebhookSecretUpcaster(WebhookUpdated.class.getName(), secrets);
    }
}
