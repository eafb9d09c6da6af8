package com.calcomalt.command.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides the serial id of a new cal.com row before its first event is written, so the id travels
 * in events and a replay rebuilds the same rows. It draws from the table's own sequence: the
 * sequence then stays ahead of every id in use, however often the table is rebuilt.
 */
@Component
public class IdAllocator {

    private final JdbcTemplate jdbc;
    private final Map<String, String> sequences = new ConcurrentHashMap<>();

    public IdAllocator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param table a cal.com table with a serial {@code id}, spelled as cal.com spells it ("users", "Booking") */
    public int next(String table) {
        return jdbc.queryForObject("select nextval(?::regclass)", Integer.class, sequence(table));
    }

    /** Several ids of one table in one round trip. */
    public List<Integer> next(String table, int count) {
        return count == 0 ? List.of() : jdbc.queryForList("select nextval(?::regclass) from generate_series(1, ?)",
                Integer.class, sequence(table), count);
    }

    private String sequence(String table) {
        return sequences.computeIfAbsent(table, t -> jdbc.queryForObject(
                "select pg_get_serial_sequence(?, 'id')", String.class, '"' + t + '"'));
    }
}
