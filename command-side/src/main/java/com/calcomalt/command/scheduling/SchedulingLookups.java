package com.calcomalt.command.scheduling;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the command side's scheduling lookups (schema command_side), in the command's transaction. */
@Component
public class SchedulingLookups {

    private final JdbcTemplate jdbc;

    public SchedulingLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record EventTypeRecord(int eventTypeId, Integer userId, Integer teamId, Integer parentId, String slug,
                                  int length) {
    }

    public List<Integer> schedulesOf(int userId) {
        return jdbc.queryForList("select schedule_id from command_side.schedules where user_id = ? order by schedule_id",
                Integer.class, userId);
    }

    /**
     * Every schedule of these users, and those the event type works by now (its own and its hosts'),
     * with their owners: a schedule it names that is missing here was deleted.
     */
    public ScheduleOwners scheduleOwners(Collection<Integer> userIds, Integer eventTypeId) {
        Map<Integer, Integer> owners = new HashMap<>();
        jdbc.query("""
                select schedule_id, user_id from command_side.schedules
                where user_id = any(?::int[])
                   or schedule_id in (select (e.settings ->> 'scheduleId')::int from command_side.event_types e
                                      where e.event_type_id = ?
                                      union all
                                      select (h ->> 'scheduleId')::int
                                      from command_side.event_types e, jsonb_array_elements(e.hosts) h
                                      where e.event_type_id = ?)""",
                rs -> {
                    owners.put(rs.getInt(1), rs.getInt(2));
                }, userIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")), eventTypeId,
                eventTypeId);
        return new ScheduleOwners(owners);
    }

    public Optional<Integer> ownerOfSchedule(int scheduleId) {
        return jdbc.queryForList("select user_id from command_side.schedules where schedule_id = ?", Integer.class,
                scheduleId).stream().findFirst();
    }

    public Integer defaultScheduleOf(int userId) {
        return jdbc.query("select default_schedule_id from command_side.user_registry where user_id = ?",
                rs -> rs.next() ? (Integer) rs.getObject(1) : null, userId);
    }

    /**
     * An event type named as cal.com's booking input may name one: its slug with its owner's
     * username, or with its team's slug (within an organization's slug, when given).
     */
    public Optional<Integer> eventTypeBySlug(String slug, String username, String teamSlug, String organizationSlug) {
        if (username != null) {
            return jdbc.queryForList("""
                    select e.event_type_id from command_side.event_types e
                    join command_side.user_registry u on u.user_id = e.user_id
                    where e.slug = ? and u.username = ?""", Integer.class, slug, username).stream().findFirst();
        }
        return jdbc.queryForList("""
                select e.event_type_id from command_side.event_types e
                join command_side.team_registry t on t.team_id = e.team_id
                left join command_side.team_registry o on o.team_id = t.parent_id
                where e.slug = ? and t.slug = ?
                  and (case when ?::text is null then t.parent_id is null else o.slug = ?::text end)""",
                Integer.class, slug, teamSlug, organizationSlug, organizationSlug).stream().findFirst();
    }

    /** The team's event types that have this user among their hosts. */
    public List<Integer> eventTypesHostedBy(int teamId, int userId) {
        return jdbc.queryForList("""
                select event_type_id from command_side.event_types
                where team_id = ? and hosts @> jsonb_build_array(jsonb_build_object('userId', ?))
                order by event_type_id""", Integer.class, teamId, userId);
    }

    public Optional<EventTypeRecord> eventType(int eventTypeId) {
        return jdbc.query("""
                select event_type_id, user_id, team_id, parent_id, slug, length from command_side.event_types
                where event_type_id = ?""",
                (rs, i) -> new EventTypeRecord(rs.getInt(1), (Integer) rs.getObject(2), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getInt(6)), eventTypeId).stream().findFirst();
    }

    public boolean outOfOfficeReasonExists(int reasonId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from command_side.out_of_office_reasons where reason_id = ?)",
                Boolean.class, reasonId));
    }

    public List<Integer> childrenOf(int eventTypeId) {
        return jdbc.queryForList(
                "select event_type_id from command_side.event_types where parent_id = ? order by event_type_id",
                Integer.class, eventTypeId);
    }

    public List<String> reservationsDue(Instant now) {
        return jdbc.queryForList("select uid from command_side.slot_reservations where release_at <= ? limit 500",
                String.class, now.atOffset(ZoneOffset.UTC));
    }

    /** The id of the reason with this text (cal.com's common reasons are their translation keys). */
    public Optional<Integer> outOfOfficeReasonId(String reason) {
        return jdbc.queryForList("select reason_id from command_side.out_of_office_reasons where reason = ?",
                Integer.class, reason).stream().findFirst();
    }

    /** The text of a reason, null for none. */
    public String outOfOfficeReason(Integer reasonId) {
        return reasonId == null ? null : jdbc.queryForList(
                "select reason from command_side.out_of_office_reasons where reason_id = ?", String.class, reasonId)
                .stream().findFirst().orElse(null);
    }

    public boolean anyCommonOutOfOfficeReason() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from command_side.out_of_office_reasons)", Boolean.class));
    }
}
