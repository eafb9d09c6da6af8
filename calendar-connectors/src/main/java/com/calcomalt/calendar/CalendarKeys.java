package com.calcomalt.calendar;

import com.calcomalt.calendar.connectors.CalendarAccount;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a calendar account's key holds before it is sealed: a CalDAV login ({@code url},
 * {@code username}, {@code password}) or the addresses of ICS feeds ({@code urls}), as cal.com
 * keeps them; and the kinds of account this system connects, by cal.com's names.
 */
public final class CalendarKeys {

    public static final String CALDAV_TYPE = "caldav_calendar";
    public static final String ICS_FEED_TYPE = "ics-feed_calendar";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CalendarKeys() {
    }

    /**
     * An app of cal.com's store that connects calendars through one of our connectors.
     *
     * @param path       how API v2 names it in {@code /v2/calendars/{calendar}/...}
     * @param defaultUrl the server an account of this app uses when none is given
     */
    public enum App {
        CALDAV("caldav", CALDAV_TYPE, "caldav-calendar", null),
        APPLE("apple", "apple_calendar", "apple-calendar", "https://caldav.icloud.com"),
        ICS_FEED("ics-feed", ICS_FEED_TYPE, "ics-feed", null);

        private final String path;
        private final String type;
        private final String appId;
        private final String defaultUrl;

        App(String path, String type, String appId, String defaultUrl) {
            this.path = path;
            this.type = type;
            this.appId = appId;
            this.defaultUrl = defaultUrl;
        }

        public String type() {
            return type;
        }

        public String appId() {
            return appId;
        }

        public String defaultUrl() {
            return defaultUrl;
        }

        public static Optional<App> byPath(String path) {
            return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
        }

        public static Optional<App> byType(String type) {
            return Arrays.stream(values()).filter(a -> a.type.equals(type)).findFirst();
        }
    }

    /** Apple's iCloud is a CalDAV server: its accounts are read and written by the CalDAV connector. */
    public static String connectorType(String credentialType) {
        return App.APPLE.type.equals(credentialType) ? CALDAV_TYPE : credentialType;
    }

    public static String json(CalendarAccount account) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("url", account.url());
        key.put("username", account.username());
        key.put("password", account.password());
        return write(key);
    }

    public static String feedsJson(List<String> urls) {
        return write(Map.of("urls", urls));
    }

    /** One account for a CalDAV login; one per feed, each without a login, for ICS feeds. */
    public static List<CalendarAccount> accounts(String json) {
        try {
            JsonNode key = JSON.readTree(json);
            List<CalendarAccount> accounts = new ArrayList<>();
            if (key.has("urls")) {
                key.get("urls").forEach(url -> accounts.add(new CalendarAccount(url.asText(), null, null)));
            } else {
                accounts.add(new CalendarAccount(key.path("url").asText(null), key.path("username").asText(null),
                        key.path("password").asText(null)));
            }
            return accounts;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A calendar key is not the JSON this system writes", e);
        }
    }

    private static String write(Object key) {
        try {
            return JSON.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
