package com.calcomalt.command.calendar;

import com.calcomalt.command.calendar.DestinationCalendar.CredentialFacts;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The command side's own record of calendar accounts, kept by {@link CalendarRegistry}. */
@Component
public class CalendarLookups {

    private final JdbcTemplate jdbc;

    CalendarLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An account the system may read and write with: its sealed key, and which calendars of it count. */
    public record Account(int credentialId, Integer userId, Integer teamId, String type, String sealedKey,
                          boolean invalid) {

        @Override
        public String toString() {
            return "Account[credentialId=" + credentialId + ", userId=" + userId + ", type=" + type + "]";
        }
    }

    /** Where a booking is written: a calendar of an account. */
    public record Destination(Account account, String externalId) {
    }

    Integer teamOf(int credentialId) {
        List<Integer> teams = jdbc.query("select team_id from command_side.calendar_credentials where credential_id = ?",
                (rs, i) -> (Integer) rs.getObject(1), credentialId);
        return teams.isEmpty() ? null : teams.get(0);
    }

    Optional<CredentialFacts> credential(int credentialId) {
        List<ConnectedCalendar> calendars = jdbc.query("""
                select external_id, name, read_only, primary_email from command_side.credential_calendars
                where credential_id = ? order by position""",
                (rs, i) -> new ConnectedCalendar(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)),
                credentialId);
        return jdbc.query("""
                select user_id, team_id, type, invalid from command_side.calendar_credentials where credential_id = ?""",
                (rs, i) -> new CredentialFacts(credentialId, (Integer) rs.getObject(1), (Integer) rs.getObject(2),
                        rs.getString(3), rs.getBoolean(4), calendars), credentialId).stream().findFirst();
    }

    /**
     * The accounts and calendars whose busy times count for these users: per user, the calendars
     * selected for {@code eventTypeId} when they selected any for it, otherwise those selected for
     * all their event types (cal.com's event-level selected calendars).
     */
    public List<SelectedCalendar> selectedCalendars(List<Integer> userIds, Integer eventTypeId) {
        return jdbc.query("""
                select s.user_id, s.external_id, c.credential_id, c.user_id, c.team_id, c.type, c.sealed_key, c.invalid
                from command_side.selected_calendars s
                join command_side.calendar_credentials c on c.credential_id = s.credential_id
                where s.user_id = any (?) and s.event_type_id is not distinct from (
                    case when exists (select 1 from command_side.selected_calendars e
                                      where e.user_id = s.user_id and e.event_type_id = ?) then ?::integer end)
                order by s.user_id, c.credential_id, s.external_id""",
                (rs, i) -> new SelectedCalendar(rs.getInt(1), rs.getString(2), account(rs, 3)),
                userIds.toArray(Integer[]::new), eventTypeId, eventTypeId);
    }

    public record SelectedCalendar(int userId, String externalId, Account account) {
    }

    /** The event type's destination first, else the organizer's own, as cal.com chooses. */
    public Optional<Destination> destination(Integer eventTypeId, int organizerUserId) {
        return jdbc.query("""
                select d.external_id, c.credential_id, c.user_id, c.team_id, c.type, c.sealed_key, c.invalid
                from command_side.destination_calendars d
                join command_side.calendar_credentials c on c.credential_id = d.credential_id
                where d.event_type_id = ? or d.user_id = ?
                order by d.event_type_id nulls last limit 1""",
                (rs, i) -> new Destination(account(rs, 2), rs.getString(1)), eventTypeId, organizerUserId)
                .stream().findFirst();
    }

    /** The caller's own account of this type that has this calendar. */
    Optional<Integer> credentialWith(int userId, String type, String externalId) {
        return jdbc.queryForList("""
                select c.credential_id from command_side.calendar_credentials c
                join command_side.credential_calendars k on k.credential_id = c.credential_id
                where c.user_id = ? and c.type = ? and k.external_id = ? order by c.credential_id limit 1""",
                Integer.class, userId, type, externalId).stream().findFirst();
    }

    public Optional<Account> account(int credentialId) {
        return jdbc.query("""
                select credential_id, user_id, team_id, type, sealed_key, invalid
                from command_side.calendar_credentials where credential_id = ?""",
                (rs, i) -> account(rs, 1), credentialId).stream().findFirst();
    }

    private static Account account(java.sql.ResultSet rs, int from) throws java.sql.SQLException {
        return new Account(rs.getInt(from), (Integer) rs.getObject(from + 1), (Integer) rs.getObject(from + 2),
                rs.getString(from + 3), rs.getString(from + 4), rs.getBoolean(from + 5));
    }
}
