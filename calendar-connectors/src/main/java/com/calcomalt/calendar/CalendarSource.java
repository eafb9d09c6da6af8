package com.calcomalt.calendar;

import com.calcomalt.calendar.connectors.CalendarAccount;
import java.util.List;

/** One credential's calendars to read: type is cal.com's Credential.type, which picks the connector. */
public record CalendarSource(int credentialId, Integer userId, String type, CalendarAccount account,
        List<String> externalIds) {

    public CalendarSource {
        externalIds = List.copyOf(externalIds);
    }
}
