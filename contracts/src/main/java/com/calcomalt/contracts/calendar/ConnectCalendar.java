package com.calcomalt.contracts.calendar;

import com.calcomalt.contracts.identity.OwnedByTeam;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a calendar account whose login was already checked against its server, for a user or a
 * team (exactly one of {@code userId}, {@code teamId}). The key (url, username, password) comes
 * sealed by the web layer, so no command, event or log line holds the password.
 *
 * @param type  cal.com's Credential.type, such as "caldav_calendar" or "ics-feed_calendar"
 * @param appId cal.com's App slug, such as "caldav-calendar" or "ics-feed"
 */
public record ConnectCalendar(int credentialId, String type, String appId, Integer userId, Integer teamId,
                              String sealedKey, List<ConnectedCalendar> calendars) implements OwnedByTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CalendarIds.credential(credentialId);
    }

    @Override
    public String toString() {
        return "ConnectCalendar[credentialId=" + credentialId + ", type=" + type + ", userId=" + userId + ", teamId="
                + teamId + ", calendars=" + calendars + "]";
    }
}
