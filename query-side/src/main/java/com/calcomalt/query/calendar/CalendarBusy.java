package com.calcomalt.query.calendar;

import com.calcomalt.calendar.HostCalendars;
import com.calcomalt.calendar.HostCalendars.HostsBusy;
import com.calcomalt.calendar.HostCalendars.Selected;
import com.calcomalt.calendar.SourcedBusy;
import com.calcomalt.contracts.calendar.UnavailableCalendar;
import com.calcomalt.platform.secrets.SecretBox;
import com.calcomalt.rules.scheduling.SlotInputs.Interval;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The busy times of hosts' selected calendars, as the read tables name them: per user, the
 * calendars selected for the event type when they selected any for it, else those selected for all
 * their event types (cal.com's event-level selected calendars).
 */
@Component
public class CalendarBusy {

    private final HostCalendars calendars;
    private final JdbcTemplate jdbc;
    private final SecretBox secrets;

    CalendarBusy(HostCalendars calendars, JdbcTemplate jdbc, SecretBox secrets) {
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    public HostsBusy of(List<Integer> userIds, Integer eventTypeId, Instant from, Instant to, boolean useCache) {
        List<Selected> selected = jdbc.query("""
                select s."userId", c.id, c.type, c.key #>> '{}', coalesce(c.invalid, false), s."externalId"
                from "SelectedCalendar" s join "Credential" c on c.id = s."credentialId"
                where s."userId" = any (?) and s."eventTypeId" is not distinct from (
                    case when exists (select 1 from "SelectedCalendar" e
                                      where e."userId" = s."userId" and e."eventTypeId" = ?) then ?::integer end)
                order by s."userId", c.id, s."externalId\"""",
                (rs, i) -> new Selected(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6)), userIds.toArray(Integer[]::new), eventTypeId, eventTypeId);
        return calendars.busy(selected, secrets::open, this::bookingsAmong, from, to, useCache);
    }

    /**
     * The busy times a user's own accounts show: of the calendars named (credential id and external
     * id), or of every calendar the user selected. Accounts not theirs are left out.
     */
    public HostsBusy ofUser(int userId, List<Map.Entry<Integer, String>> named, Instant from, Instant to) {
        List<Selected> selected = named.isEmpty()
                ? jdbc.query("""
                        select c.id, c.type, c.key #>> '{}', coalesce(c.invalid, false), s."externalId"
                        from "SelectedCalendar" s join "Credential" c on c.id = s."credentialId"
                        where s."userId" = ? and s."eventTypeId" is null order by c.id, s."externalId\"""",
                        (rs, i) -> selected(userId, rs), userId)
                : jdbc.query("""
                        select c.id, c.type, c.key #>> '{}', coalesce(c.invalid, false), k."externalId"
                        from "Credential" c join query_side.credential_calendars k on k."credentialId" = c.id
                        where c."userId" = ? order by c.id, k.position""", (rs, i) -> selected(userId, rs), userId)
                .stream().filter(s -> named.stream().anyMatch(n -> n.getKey() == s.credentialId()
                        && n.getValue().equals(s.externalId()))).toList();
        return calendars.busy(selected, secrets::open, this::bookingsAmong, from, to, true);
    }

    private static Selected selected(int userId, java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Selected(userId, rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5));
    }

    private Set<String> bookingsAmong(Collection<String> uids) {
        return new HashSet<>(jdbc.queryForList("select uid from \"Booking\" where uid = any (?)", String.class,
                (Object) uids.toArray(String[]::new)));
    }

    public static Map<Integer, List<Interval>> intervals(HostsBusy busy) {
        return busy.busyByUser().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(CalendarBusy::interval).toList()));
    }

    public static List<UnavailableCalendar> unavailable(HostsBusy busy) {
        return busy.unreadable().stream()
                .map(u -> new UnavailableCalendar(u.credentialId(), u.externalId(), u.reason())).toList();
    }

    private static Interval interval(SourcedBusy busy) {
        return new Interval(busy.start(), busy.end());
    }
}
