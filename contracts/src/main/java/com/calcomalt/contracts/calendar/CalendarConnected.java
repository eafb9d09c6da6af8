package com.calcomalt.contracts.calendar;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A calendar account was connected: a Credential row, with its key sealed (see the platform's SecretBox). */
@Revision("1")
public record CalendarConnected(int credentialId, String type, String appId, Integer userId, Integer teamId,
                                String sealedKey, List<ConnectedCalendar> calendars, Instant connectedAt) {

    @Override
    public String toString() {
        return "CalendarConnected[credentialId=" + credentialId + ", type=" + type + ", userId=" + userId
                + ", teamId=" + teamId + ", calendars=" + calendars + ", connectedAt=" + connectedAt + "]";
    }
}
