package com.calcomalt.calendar;

import com.calcomalt.calendar.connectors.BusyTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Busy times in cal.com's "CalendarCache" table, one row per credential and key. The key is JSON
 * like cal.com's (timeMin, timeMax, items), with the window widened to whole UTC months so that
 * every range inside a month shares one row.
 */
class CalendarCache {

    record Entry(List<BusyTime> busy, boolean fresh) {
    }

    private static final TypeReference<List<BusyTime>> BUSY_LIST = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    CalendarCache(JdbcTemplate jdbc, Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.clock = clock;
    }

    static Instant monthStart(Instant instant) {
        return ZonedDateTime.ofInstant(instant, ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Instant nextMonthStart(Instant instant) {
        Instant start = monthStart(instant);
        return start.equals(instant) ? start
                : ZonedDateTime.ofInstant(start, ZoneOffset.UTC).plusMonths(1).toInstant();
    }

    String key(List<String> externalIds, Instant from, Instant to) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("timeMin", monthStart(from).toString());
        key.put("timeMax", nextMonthStart(to).toString());
        key.put("items", externalIds.stream().sorted().map(id -> Map.of("id", id)).toList());
        return write(key);
    }

    Optional<Entry> read(int credentialId, String key) {
        return jdbc.query("""
                select value::text, "expiresAt" from "CalendarCache" where "credentialId" = ? and key = ?""",
                (rs, row) -> {
                    boolean fresh = rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC).isAfter(clock.instant());
                    return read(rs.getString(1)).map(busy -> new Entry(busy, fresh));
                },
                credentialId, key).stream().flatMap(Optional::stream).findFirst();
    }

    /** Stores the busy times of a credential's calendars; a credential not in "Credential" is not cached. */
    void write(int credentialId, Integer userId, String key, List<BusyTime> busy) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.update("""
                insert into "CalendarCache" (key, value, "expiresAt", "credentialId", "userId", "updatedAt")
                select ?, ?::jsonb, ?, ?, ?, ? where exists (select 1 from "Credential" where id = ?)
                on conflict ("credentialId", key) do update
                   set value = excluded.value, "expiresAt" = excluded."expiresAt", "userId" = excluded."userId",
                       "updatedAt" = excluded."updatedAt\"""",
                key, write(busy), now.plus(ttl), credentialId, userId, now,
                credentialId);
    }

    void invalidate(int credentialId) {
        jdbc.update("delete from \"CalendarCache\" where \"credentialId\" = ?", credentialId);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Busy times are plain records and always serialize", e);
        }
    }

    private Optional<List<BusyTime>> read(String value) {
        try {
            return Optional.of(json.readValue(value, BUSY_LIST));
        } catch (JsonProcessingException e) {
            // A row written by someone else in another shape is as good as none.
            return Optional.empty();
        }
    }
}
