package com.calcomalt.command.notifications;

import com.calcomalt.platform.secrets.SecretBox;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets the dispatcher kept in plaintext before they were sealed, which migration V20
 * marked {@code plain:...} because SQL has no key. Runs while the context starts, so before the
 * dispatcher's processor and the scheduler; each row is swapped only if it still holds what was read,
 * so several nodes starting at once seal it once.
 */
@Component
class LegacyWebhookSecrets {

    static final String MARK = "plain:";
    private static final Logger log = LoggerFactory.getLogger(LegacyWebhookSecrets.class);

    LegacyWebhookSecrets(JdbcTemplate jdbc, SecretBox secrets) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select webhook_id, encrypted_secret from notifications.webhook_subscriptions
                where starts_with(encrypted_secret, ?)""", MARK);
        int sealed = 0;
        for (Map<String, Object> row : rows) {
            String marked = (String) row.get("encrypted_secret");
            sealed += jdbc.update("update notifications.webhook_subscriptions set encrypted_secret = ?"
                    + " where webhook_id = ? and encrypted_secret = ?",
                    secrets.seal(marked.substring(MARK.length())), row.get("webhook_id"), marked);
        }
        if (sealed > 0) {
            log.info("Sealed {} webhook secrets kept in plaintext before", sealed);
        }
    }
}
