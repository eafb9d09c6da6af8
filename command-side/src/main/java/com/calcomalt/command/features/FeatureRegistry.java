package com.calcomalt.command.features;

import com.calcomalt.contracts.features.FeatureChanged;
import com.calcomalt.contracts.features.FeatureCreated;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.TeamFeatureRemoved;
import com.calcomalt.contracts.features.TeamFeatureSet;
import com.calcomalt.contracts.features.UserFeatureRemoved;
import com.calcomalt.contracts.features.UserFeatureSet;
import com.calcomalt.contracts.identity.TeamDeleted;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The flags and their grants on the command side, written in the transaction that appends their
 * events: what {@link FeatureFlags} is loaded from at start, and what a grant reads its flag from.
 */
@Component
@ProcessingGroup("identity-registry")
class FeatureRegistry {

    private final JdbcTemplate jdbc;

    FeatureRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FeatureFacts> feature(String slug) {
        return jdbc.query("select slug, enabled, type from command_side.features where slug = ?",
                (rs, i) -> new FeatureFacts(rs.getString(1), rs.getBoolean(2),
                        FeatureType.valueOf(rs.getString(3))), slug)
                .stream().findFirst();
    }

    @EventHandler
    void on(FeatureCreated event) {
        jdbc.update("""
                insert into command_side.features (slug, enabled, type) values (?, ?, ?)
                on conflict (slug) do update set enabled = excluded.enabled, type = excluded.type""",
                event.slug(), event.enabled(), event.type().name());
    }

    @EventHandler
    void on(FeatureChanged event) {
        jdbc.update("update command_side.features set enabled = ?, type = ? where slug = ?",
                event.enabled(), event.type().name(), event.slug());
    }

    @EventHandler
    void on(TeamFeatureSet event) {
        jdbc.update("""
                insert into command_side.team_features (team_id, slug, enabled) values (?, ?, ?)
                on conflict (team_id, slug) do update set enabled = excluded.enabled""",
                event.teamId(), event.slug(), event.enabled());
    }

    @EventHandler
    void on(TeamFeatureRemoved event) {
        jdbc.update("delete from command_side.team_features where team_id = ? and slug = ?",
                event.teamId(), event.slug());
    }

    @EventHandler
    void on(UserFeatureSet event) {
        jdbc.update("""
                insert into command_side.user_features (user_id, slug, enabled) values (?, ?, ?)
                on conflict (user_id, slug) do update set enabled = excluded.enabled""",
                event.userId(), event.slug(), event.enabled());
    }

    @EventHandler
    void on(UserFeatureRemoved event) {
        jdbc.update("delete from command_side.user_features where user_id = ? and slug = ?",
                event.userId(), event.slug());
    }

    /** cal.com deletes a team's TeamFeatures rows with it (ON DELETE CASCADE). */
    @EventHandler
    void on(TeamDeleted event) {
        jdbc.update("delete from command_side.team_features where team_id = ?", event.teamId());
    }
}
