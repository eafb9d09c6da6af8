package com.calcomalt.calendar.connectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The connectors this installation offers, found by cal.com's Credential.type or App slug. */
public class CalendarConnectors {

    private final Map<String, CalendarConnector> byType = new LinkedHashMap<>();
    private final Map<String, CalendarConnector> byAppId = new LinkedHashMap<>();

    public CalendarConnectors(List<CalendarConnector> connectors) {
        for (CalendarConnector connector : connectors) {
            if (byType.putIfAbsent(connector.type(), connector) != null
                    || byAppId.putIfAbsent(connector.appId(), connector) != null) {
                throw new IllegalArgumentException("Two connectors for " + connector.type() + " / " + connector.appId());
            }
        }
    }

    public Optional<CalendarConnector> byType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Optional<CalendarConnector> byAppId(String appId) {
        return Optional.ofNullable(byAppId.get(appId));
    }

    public List<CalendarConnector> all() {
        return List.copyOf(byType.values());
    }
}
