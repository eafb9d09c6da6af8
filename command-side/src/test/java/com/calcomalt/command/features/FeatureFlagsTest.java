package com.calcomalt.command.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.command.support.CallerCommands;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.features.CreateFeature;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.RemoveTeamFeature;
import com.calcomalt.contracts.features.SetTeamFeature;
import com.calcomalt.contracts.features.SetUserFeature;
import com.calcomalt.contracts.features.UpdateFeature;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreateTeam;
import com.calcomalt.contracts.identity.DeleteTeam;
import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.platform.domain.AccessDenied;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The command side's in-memory flags follow the flag commands as they commit, and load again from the lookups. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FeatureFlagsTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    IdAllocator ids;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FeatureFlags flags;
    @Autowired
    DataSource dataSource;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private CallerCommands callers;

    @BeforeEach
    void callers() {
        callers = new CallerCommands(commands, ids);
    }

    private void send(Object command, Caller caller) {
        callers.send(command, caller);
    }

    private String flag(boolean enabled) {
        String slug = "flag-" + ids.next("users") + "-" + tag;
        send(new CreateFeature(slug, enabled, null, FeatureType.KILL_SWITCH), CallerCommands.ADMIN);
        return slug;
    }

    private int team(Caller owner, Integer parentId) {
        int teamId = ids.next("Team");
        send(new CreateTeam(teamId, "Team " + teamId, "t-" + teamId + "-" + tag, parentId, false, null, null, null,
                ids.next("Membership"), ids.next("Profile"), null), owner);
        return teamId;
    }

    private int organization(Caller owner) {
        int teamId = ids.next("Team");
        String ownerEmail = jdbc.queryForObject("select email_lower from command_side.user_registry where user_id = ?",
                String.class, owner.userId());
        send(new CreateTeam(teamId, "Org " + teamId, "o-" + teamId + "-" + tag, null, true, null,
                ids.next("OrganizationSettings"), new OrganizationSettings("nobody-" + tag + ".example", null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null), ids.next("Membership"), ids.next("Profile"), ownerEmail), CallerCommands.ADMIN);
        return teamId;
    }

    /** What a command side starting now would hold: a new instance loaded from the lookups. */
    private FeatureFlags restarted() {
        FeatureFlags fresh = new FeatureFlags(jdbc);
        fresh.load();
        return fresh;
    }

    @Test
    void a_grant_counts_from_its_commit_and_its_removal_from_its_own() {
        Caller owner = callers.user("f", "UTC");
        int teamId = team(owner, null);
        int otherTeam = team(owner, null);
        String slug = flag(true);
        assertThat(flags.teamHas(slug, teamId)).isFalse();

        send(new SetTeamFeature(teamId, slug, true), owner);

        assertThat(flags.teamHas(slug, teamId)).isTrue();
        assertThat(flags.teamHas(slug, otherTeam)).isFalse();
        assertThat(restarted().teamHas(slug, teamId)).isTrue();

        send(new UpdateFeature(slug, false, null, null, null), CallerCommands.ADMIN);
        assertThat(flags.teamHas(slug, teamId)).as("off globally").isFalse();
        assertThat(restarted().teamHas(slug, teamId)).isFalse();

        send(new UpdateFeature(slug, true, null, null, null), CallerCommands.ADMIN);
        send(new RemoveTeamFeature(teamId, slug), owner);
        assertThat(flags.teamHas(slug, teamId)).isFalse();
        assertThat(restarted().teamHas(slug, teamId)).isFalse();
    }

    @Test
    void a_sub_team_inherits_its_organizations_grant_unless_it_refuses_it() {
        Caller owner = callers.user("f", "UTC");
        int orgId = organization(owner);
        int subTeam = team(owner, orgId);
        int refusing = team(owner, orgId);
        String slug = flag(true);

        send(new SetTeamFeature(orgId, slug, true), owner);
        send(new SetTeamFeature(refusing, slug, false), owner);

        for (FeatureFlags answer : List.of(flags, restarted())) {
            assertThat(answer.organizationHas(slug, orgId)).isTrue();
            assertThat(answer.teamHas(slug, subTeam)).isTrue();
            assertThat(answer.teamHas(slug, refusing)).isFalse();
            assertThat(answer.userHas(slug, owner.userId(), List.of(refusing))).isFalse();
            assertThat(answer.userHas(slug, owner.userId(), List.of(refusing, subTeam))).isTrue();
        }
    }

    @Test
    void the_committed_answer_agrees_with_the_cache_and_sees_a_change_the_cache_has_not_taken_in_yet() {
        Caller owner = callers.user("f", "UTC");
        int orgId = organization(owner);
        int subTeam = team(owner, orgId);
        int refusing = team(owner, orgId);
        int alone = team(owner, null);
        String slug = flag(true);
        send(new SetTeamFeature(orgId, slug, true), owner);
        send(new SetTeamFeature(refusing, slug, false), owner);

        for (int teamId : List.of(orgId, subTeam, refusing, alone)) {
            assertThat(flags.teamHasAsCommitted(slug, teamId)).as("team " + teamId)
                    .isEqualTo(flags.teamHas(slug, teamId));
        }
        assertThat(flags.teamHasAsCommitted(slug, subTeam)).isTrue();
        assertThat(flags.teamHasAsCommitted(slug, refusing)).isFalse();
        assertThat(flags.teamHasAsCommitted("no-such-flag-" + tag, orgId)).isFalse();

        // A grant committed a moment ago, whose transaction has not yet handed it to the cache (a cache
        // of its own: the node's is loaded again on any node's notification, which may come meanwhile).
        FeatureFlags cache = restarted();
        jdbc.update("insert into command_side.team_features (team_id, slug, enabled) values (?, ?, true)", alone, slug);
        assertThat(cache.teamHas(slug, alone)).isFalse();
        assertThat(cache.teamHasAsCommitted(slug, alone)).isTrue();

        send(new UpdateFeature(slug, false, null, null, null), CallerCommands.ADMIN);
        assertThat(flags.teamHasAsCommitted(slug, orgId)).as("off globally").isFalse();
    }

    @Test
    void another_nodes_flags_take_in_a_change_once_it_commits_here() {
        // Another node's cache: not subscribed to this node's events, so only the notifications reach it.
        FeatureFlags otherNode = restarted();
        FeatureFlagsRefresh refresh = new FeatureFlagsRefresh(dataSource, otherNode);
        refresh.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(refresh::listening);
            Caller owner = callers.user("f", "UTC");
            int orgId = organization(owner);
            int subTeam = team(owner, orgId);
            String slug = flag(true);
            assertThat(otherNode.teamHas(slug, subTeam)).isFalse();

            send(new SetTeamFeature(orgId, slug, true), owner);
            await().atMost(Duration.ofSeconds(5)).until(() -> otherNode.teamHas(slug, subTeam));

            send(new UpdateFeature(slug, false, null, null, null), CallerCommands.ADMIN);
            await().atMost(Duration.ofSeconds(5)).until(() -> !otherNode.teamHas(slug, orgId));

            send(new UpdateFeature(slug, true, null, null, null), CallerCommands.ADMIN);
            send(new RemoveTeamFeature(orgId, slug), owner);
            await().atMost(Duration.ofSeconds(5)).until(() -> otherNode.teamHas(slug, orgId) == flags.teamHas(slug, orgId)
                    && !otherNode.teamHas(slug, subTeam));
        } finally {
            refresh.stop();
        }
    }

    @Test
    void a_users_own_refusal_wins_over_their_teams_grant() {
        Caller owner = callers.user("f", "UTC");
        int teamId = team(owner, null);
        String slug = flag(true);
        send(new SetTeamFeature(teamId, slug, true), owner);
        assertThat(flags.userHas(slug, owner.userId(), List.of(teamId))).isTrue();

        send(new SetUserFeature(owner.userId(), slug, false), CallerCommands.ADMIN);

        assertThat(flags.userHas(slug, owner.userId(), List.of(teamId))).isFalse();
        assertThat(restarted().userHas(slug, owner.userId(), List.of(teamId))).isFalse();
    }

    @Test
    void a_refused_grant_changes_nothing_in_memory_or_in_the_lookups() {
        Caller owner = callers.user("f", "UTC");
        Caller stranger = callers.user("s", "UTC");
        int teamId = team(owner, null);
        String slug = flag(true);

        assertThatThrownBy(() -> send(new SetTeamFeature(teamId, slug, true), stranger))
                .isInstanceOf(AccessDenied.class);

        assertThat(flags.teamHas(slug, teamId)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from command_side.team_features where team_id = ?",
                Integer.class, teamId)).isZero();
    }

    @Test
    void a_deleted_teams_grants_go_with_it() {
        Caller owner = callers.user("f", "UTC");
        int teamId = team(owner, null);
        String slug = flag(true);
        send(new SetTeamFeature(teamId, slug, true), owner);

        send(new DeleteTeam(teamId), owner);

        assertThat(flags.teamHas(slug, teamId)).isFalse();
        assertThat(restarted().teamHas(slug, teamId)).isFalse();
    }
}
