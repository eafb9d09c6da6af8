package com.calcomalt.command.features;

import com.calcomalt.contracts.features.FeatureChanged;
import com.calcomalt.contracts.features.FeatureCreated;
import com.calcomalt.contracts.features.FeatureEvaluation;
import com.calcomalt.contracts.features.FeatureEvaluation.TeamStanding;
import com.calcomalt.contracts.features.TeamFeatureRemoved;
import com.calcomalt.contracts.features.TeamFeatureSet;
import com.calcomalt.contracts.features.UserFeatureRemoved;
import com.calcomalt.contracts.features.UserFeatureSet;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamDeleted;
import jakarta.annotation.PostConstruct;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "Does this team, organization or user have flag X", answered from memory by
 * {@link FeatureEvaluation}'s rule: no database round trip per check. Loaded from the command side's
 * lookups at start and kept by the flag events (and the teams' organizations by the team events),
 * each change taken in once its transaction has committed, so a flag is never seen that was then
 * rolled back, and the response to the change that turns a flag on or off is the moment it counts.
 * Every command-side node holds one: a change notifies {@link #CHANNEL} in its transaction, and
 * {@link FeatureFlagsRefresh} on every node loads the flags again when that commits.
 */
@Component
@ProcessingGroup("identity-registry")
public class FeatureFlags {

    private record TeamKey(int teamId, String slug) {
    }

    private record UserKey(int userId, String slug) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Boolean> globallyEnabled = new ConcurrentHashMap<>();
    private final Map<TeamKey, Boolean> teamRows = new ConcurrentHashMap<>();
    private final Map<UserKey, Boolean> userRows = new ConcurrentHashMap<>();
    /** Each team's organization: itself for an organization; no entry for a team outside any. */
    private final Map<Integer, Integer> organizationOf = new ConcurrentHashMap<>();
    /** Moves on each committed change taken in, so that a load read before it does not undo it. */
    private final AtomicLong changes = new AtomicLong();

    /** PostgreSQL notifies it when a transaction that changed a flag (or a team's organization) commits. */
    static final String CHANNEL = "calalt_feature_flags";

    FeatureFlags(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** At start, and whenever any node committed a change: the lookups as committed now. */
    @PostConstruct
    void load() {
        long changesBefore;
        Map<String, Boolean> global;
        Map<TeamKey, Boolean> teams;
        Map<UserKey, Boolean> users;
        Map<Integer, Integer> organizations;
        do {
            changesBefore = changes.get();
            global = new HashMap<>();
            teams = new HashMap<>();
            users = new HashMap<>();
            organizations = new HashMap<>();
            read(global, teams, users, organizations);
            // A change committed while the tables were read may be missing from what was read, and taking
            // that in would undo it: read again, when it is visible.
        } while (!replaceUnlessChanged(changesBefore, global, teams, users, organizations));
    }

    private void read(Map<String, Boolean> global, Map<TeamKey, Boolean> teams, Map<UserKey, Boolean> users,
                      Map<Integer, Integer> organizations) {
        jdbc.query("select slug, enabled from command_side.features",
                rs -> { global.put(rs.getString(1), rs.getBoolean(2)); });
        jdbc.query("select team_id, slug, enabled from command_side.team_features",
                rs -> { teams.put(new TeamKey(rs.getInt(1), rs.getString(2)), rs.getBoolean(3)); });
        jdbc.query("select user_id, slug, enabled from command_side.user_features",
                rs -> { users.put(new UserKey(rs.getInt(1), rs.getString(2)), rs.getBoolean(3)); });
        jdbc.query("""
                select team_id, case when is_organization then team_id else parent_id end
                from command_side.team_registry where is_organization or parent_id is not null""",
                rs -> { organizations.put(rs.getInt(1), rs.getInt(2)); });
    }

    private synchronized boolean replaceUnlessChanged(long changesBefore, Map<String, Boolean> global,
                                                      Map<TeamKey, Boolean> teams, Map<UserKey, Boolean> users,
                                                      Map<Integer, Integer> organizations) {
        if (changes.get() != changesBefore) {
            return false;
        }
        replace(globallyEnabled, global);
        replace(teamRows, teams);
        replace(userRows, users);
        replace(organizationOf, organizations);
        return true;
    }

    private static <K, V> void replace(Map<K, V> cached, Map<K, V> loaded) {
        cached.putAll(loaded);
        cached.keySet().retainAll(loaded.keySet());
    }

    /** The team has the flag, by its own standing or its organization's. */
    public boolean teamHas(String slug, int teamId) {
        return FeatureEvaluation.teamHas(globallyEnabled.get(slug), standing(slug, teamId));
    }

    /** For Billing's question, such as whether seat limits hold for an organization ("seat-billing"). */
    public boolean organizationHas(String slug, int organizationId) {
        return teamHas(slug, organizationId);
    }

    /**
     * The team's standing as the lookups hold it now, with a change that has committed but that the
     * cache has not taken in yet: a round trip, for the one decision taken on a lock such a change has
     * just released (a seat taken while seat billing is being turned on).
     */
    public boolean teamHasAsCommitted(String slug, int teamId) {
        return Boolean.TRUE.equals(jdbc.query("""
                select (select enabled from command_side.features where slug = ?),
                       (select enabled from command_side.team_features where team_id = ? and slug = ?),
                       (select f.enabled from command_side.team_registry t
                        join command_side.team_features f on f.team_id = t.parent_id and f.slug = ?
                        where t.team_id = ? and not t.is_organization)""",
                rs -> {
                    rs.next();
                    return FeatureEvaluation.teamHas((Boolean) rs.getObject(1),
                            new TeamStanding((Boolean) rs.getObject(2), (Boolean) rs.getObject(3)));
                }, slug, teamId, slug, slug, teamId));
    }

    /** The team's standing were its own row {@code teamRow}: for a change the cache has not taken in yet. */
    public boolean teamHasWithOwnRow(String slug, int teamId, Boolean teamRow) {
        TeamStanding now = standing(slug, teamId);
        return FeatureEvaluation.teamHas(globallyEnabled.get(slug), new TeamStanding(teamRow, now.organizationRow()));
    }

    /** The team's standing were the flag on globally: for a flag being turned on. */
    public boolean teamHasWhenGloballyOn(String slug, int teamId) {
        return FeatureEvaluation.teamHas(true, standing(slug, teamId));
    }

    /** {@code acceptedTeamIds}: every team and organization the user is an accepted member of. */
    public boolean userHas(String slug, int userId, Collection<Integer> acceptedTeamIds) {
        return FeatureEvaluation.userHas(globallyEnabled.get(slug), userRows.get(new UserKey(userId, slug)),
                acceptedTeamIds.stream().map(teamId -> standing(slug, teamId)).toList());
    }

    private TeamStanding standing(String slug, int teamId) {
        Integer organizationId = organizationOf.get(teamId);
        return new TeamStanding(teamRows.get(new TeamKey(teamId, slug)),
                organizationId == null || organizationId == teamId ? null
                        : teamRows.get(new TeamKey(organizationId, slug)));
    }

    @EventHandler
    void on(FeatureCreated event) {
        afterCommit(() -> globallyEnabled.put(event.slug(), event.enabled()));
    }

    @EventHandler
    void on(FeatureChanged event) {
        afterCommit(() -> globallyEnabled.put(event.slug(), event.enabled()));
    }

    @EventHandler
    void on(TeamFeatureSet event) {
        afterCommit(() -> teamRows.put(new TeamKey(event.teamId(), event.slug()), event.enabled()));
    }

    @EventHandler
    void on(TeamFeatureRemoved event) {
        afterCommit(() -> teamRows.remove(new TeamKey(event.teamId(), event.slug())));
    }

    @EventHandler
    void on(UserFeatureSet event) {
        afterCommit(() -> userRows.put(new UserKey(event.userId(), event.slug()), event.enabled()));
    }

    @EventHandler
    void on(UserFeatureRemoved event) {
        afterCommit(() -> userRows.remove(new UserKey(event.userId(), event.slug())));
    }

    @EventHandler
    void on(TeamCreated event) {
        Integer organizationId = event.isOrganization() ? Integer.valueOf(event.teamId()) : event.parentId();
        if (organizationId != null) {
            afterCommit(() -> organizationOf.put(event.teamId(), organizationId));
        }
    }

    @EventHandler
    void on(TeamDeleted event) {
        afterCommit(() -> {
            organizationOf.remove(event.teamId());
            teamRows.keySet().removeIf(key -> key.teamId() == event.teamId());
        });
    }

    /**
     * Outside a unit of work (a test feeding events) the change counts at once. The notification is
     * sent in the change's transaction, so PostgreSQL delivers it to every node only if that commits.
     */
    private void afterCommit(Runnable change) {
        jdbc.execute("notify " + CHANNEL);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> apply(change));
        } else {
            apply(change);
        }
    }

    private synchronized void apply(Runnable change) {
        change.run();
        changes.incrementAndGet();
    }
}
