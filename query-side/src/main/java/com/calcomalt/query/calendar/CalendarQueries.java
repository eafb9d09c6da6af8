package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.ConnectedCalendars;
import com.calcomalt.contracts.calendar.ConnectedCalendars.Account;
import com.calcomalt.contracts.calendar.ConnectedCalendars.Calendar;
import com.calcomalt.contracts.calendar.ConnectedCalendars.Destination;
import com.calcomalt.contracts.calendar.ConnectedCalendars.Integration;
import com.calcomalt.contracts.calendar.FindConnectedCalendars;
import com.calcomalt.contracts.identity.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The caller's calendar accounts as the read tables hold them: no calendar server is asked. */
@Component
@Transactional(readOnly = true)
class CalendarQueries {

    private final JdbcTemplate jdbc;

    CalendarQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    ConnectedCalendars handle(FindConnectedCalendars query) {
        Caller caller = query.caller();
        Map<Integer, Account> accounts = new LinkedHashMap<>();
        jdbc.query("""
                select c.id, c.type, c."appId", c."teamId", coalesce(c.invalid, false)
                from "Credential" c
                where c."delegationCredentialId" is null and exists (
                    select 1 from query_side.credential_calendars k where k."credentialId" = c.id)
                  and (c."userId" = ? or c."teamId" in (
                    select t.id from "Team" t join "Membership" m on m."teamId" = t.id or m."teamId" = t."parentId"
                    where m."userId" = ? and m.accepted and m.role in ('ADMIN', 'OWNER')
                      and (?::int is null or t.id = ? or t."parentId" = ?)))
                order by c.id""", rs -> {
            int id = rs.getInt(1);
            accounts.put(id, new Account(integration(rs.getString(2), rs.getString(3)), id,
                    (Integer) rs.getObject(4), rs.getBoolean(5), null, new ArrayList<>()));
        }, caller.userId(), caller.userId(), caller.teamScope(), caller.teamScope(), caller.teamScope());
        if (accounts.isEmpty()) {
            return new ConnectedCalendars(List.of(), destination(caller.userId()), List.of());
        }
        jdbc.query("""
                select k."credentialId", k."externalId", k.name, k."readOnly", k."primaryEmail", c.type,
                       exists (select 1 from "SelectedCalendar" s where s."credentialId" = k."credentialId"
                               and s."externalId" = k."externalId" and s."userId" = ? and s."eventTypeId" is null),
                       array(select s."eventTypeId" from "SelectedCalendar" s where s."credentialId" = k."credentialId"
                             and s."externalId" = k."externalId" and s."userId" = ? and s."eventTypeId" is not null
                             order by 1)
                from query_side.credential_calendars k join "Credential" c on c.id = k."credentialId"
                where k."credentialId" = any (?) order by k."credentialId", k.position""", rs -> {
            Account account = accounts.get(rs.getInt(1));
            boolean first = account.calendars().isEmpty();
            account.calendars().add(new Calendar(rs.getString(2), rs.getString(6), rs.getString(3), first,
                    rs.getBoolean(4), rs.getString(5), rs.getBoolean(7), List.of((Integer[]) rs.getArray(8).getArray()),
                    rs.getInt(1)));
        }, caller.userId(), caller.userId(), accounts.keySet().toArray(Integer[]::new));
        List<Account> answer = accounts.values().stream().map(a -> new Account(a.integration(), a.credentialId(),
                a.teamId(), a.invalid(), a.calendars().isEmpty() ? null : a.calendars().get(0), List.copyOf(a.calendars())))
                .toList();
        return new ConnectedCalendars(answer, destination(caller.userId()),
                destinations("d.\"eventTypeId\" is not null and d.\"credentialId\" = any (?)",
                        accounts.keySet().toArray(Integer[]::new)));
    }

    private Destination destination(int userId) {
        return destinations("d.\"userId\" = ?", userId).stream().findFirst().orElse(null);
    }

    private List<Destination> destinations(String condition, Object argument) {
        return jdbc.query("""
                select d.id, d.integration, d."externalId", d."primaryEmail", d."userId", d."eventTypeId",
                       d."credentialId", k.name
                from "DestinationCalendar" d
                left join query_side.credential_calendars k on k."credentialId" = d."credentialId"
                     and k."externalId" = d."externalId"
                where\s""" + condition + " order by d.id", (rs, i) -> new Destination(rs.getInt(1), rs.getString(2),
                rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6),
                (Integer) rs.getObject(7), rs.getString(8)), argument);
    }

    /** How cal.com's app store names the two kinds of account this system connects. */
    static Integration integration(String type, String appId) {
        return switch (type) {
            case "ics-feed_calendar" -> new Integration(type, appId, "ICS Feed", "ICS Feed", "calendar",
                    List.of("calendar"));
            case "apple_calendar" -> new Integration(type, appId, "Apple Calendar", "Apple Calendar", "calendar",
                    List.of("calendar"));
            default -> new Integration(type, appId, "CalDav", "CalDav", "calendar", List.of("calendar"));
        };
    }
}
