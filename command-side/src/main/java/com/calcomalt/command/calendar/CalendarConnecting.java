package com.calcomalt.command.calendar;

import com.calcomalt.calendar.CalendarKeys;
import com.calcomalt.calendar.connectors.CalendarAccount;
import com.calcomalt.calendar.connectors.CalendarAuthenticationFailed;
import com.calcomalt.calendar.connectors.CalendarConnector;
import com.calcomalt.calendar.connectors.CalendarConnectors;
import com.calcomalt.calendar.connectors.CalendarRefused;
import com.calcomalt.calendar.connectors.CalendarUnreachable;
import com.calcomalt.calendar.connectors.ExternalCalendar;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.calendar.ConnectCalendar;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.secrets.SecretBox;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Connects a calendar account: asks its server first, so a wrong login or an address that is no
 * calendar is refused before anything is stored, then records it with the login sealed. The server
 * is asked outside any transaction, so a slow server holds no database connection.
 */
@Component
class CalendarConnecting {

    private final CalendarConnectors connectors;
    private final CommandGateway commands;
    private final SecretBox secrets;
    private final IdAllocator ids;

    CalendarConnecting(CalendarConnectors connectors, CommandGateway commands, SecretBox secrets, IdAllocator ids) {
        this.connectors = connectors;
        this.commands = commands;
        this.secrets = secrets;
        this.ids = ids;
    }

    /** What was connected, as cal.com answers it. */
    record Connected(int credentialId, String type, String appId, Integer userId, Integer teamId) {
    }

    Connected connectCalDav(String type, String appId, CalendarAccount account, Integer userId, Integer teamId) {
        CalendarConnector connector = connectors.byType(type).orElseThrow();
        List<ConnectedCalendar> calendars = found(() -> connector.connect(account));
        return connect(type, appId, secrets.seal(CalendarKeys.json(account)), calendars, userId, teamId);
    }

    /** One account holds every feed, as cal.com keeps them: each feed is one calendar of it. */
    Connected connectIcsFeeds(List<String> urls, Integer userId, Integer teamId) {
        CalendarConnector connector = connectors.byType(CalendarKeys.ICS_FEED_TYPE).orElseThrow();
        List<ConnectedCalendar> calendars = new ArrayList<>();
        for (String url : urls) {
            calendars.addAll(found(() -> connector.connect(new CalendarAccount(url, null, null))));
        }
        return connect(CalendarKeys.ICS_FEED_TYPE, connector.appId(), secrets.seal(CalendarKeys.feedsJson(urls)),
                calendars, userId, teamId);
    }

    private Connected connect(String type, String appId, String sealedKey, List<ConnectedCalendar> calendars,
                              Integer userId, Integer teamId) {
        int credentialId = ids.next("Credential");
        commands.sendAndWait(new ConnectCalendar(credentialId, type, appId, userId, teamId, sealedKey, calendars));
        return new Connected(credentialId, type, appId, userId, teamId);
    }

    private static List<ConnectedCalendar> found(java.util.function.Supplier<List<ExternalCalendar>> ask) {
        try {
            return ask.get().stream().map(c -> new ConnectedCalendar(c.externalId(), c.name(), c.readOnly(),
                    c.primaryEmail())).toList();
        } catch (CalendarAuthenticationFailed e) {
            throw new DomainRuleViolation("The calendar server refused the login: " + e.getMessage());
        } catch (CalendarUnreachable | CalendarRefused e) {
            throw new DomainRuleViolation("The calendar server could not be used: " + e.getMessage());
        }
    }
}
