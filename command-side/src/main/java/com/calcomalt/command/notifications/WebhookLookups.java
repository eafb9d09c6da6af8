package com.calcomalt.command.notifications;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the command side's webhook lookup (command_side.webhooks), in the command's transaction. */
@Component
class WebhookLookups {

    private final JdbcTemplate jdbc;

    WebhookLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a webhook is scoped to: a team, an event type, or neither (then its user's own). */
    record Scope(Integer teamId, Integer eventTypeId) {
    }

    Optional<Scope> scope(String webhookId) {
        return jdbc.query("select team_id, event_type_id from command_side.webhooks where webhook_id = ?",
                (rs, i) -> new Scope((Integer) rs.getObject(1), (Integer) rs.getObject(2)), webhookId)
                .stream().findFirst();
    }
}
