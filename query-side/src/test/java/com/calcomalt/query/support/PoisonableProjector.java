package com.calcomalt.query.support;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A projector of the cal.com processor that writes a row and then fails on {@link Poison} while
 * told to, standing in for a projector with a bug or a database that refuses a row.
 */
@Component
@ProcessingGroup("calcom.test-poison")
public class PoisonableProjector {

    public record Poison(int userId, UUID uuid, Instant at) {
    }

    public static volatile boolean failing;
    public static final AtomicInteger attempts = new AtomicInteger();

    private final JdbcTemplate jdbc;

    PoisonableProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Poison event) {
        attempts.incrementAndGet();
        jdbc.update("""
                insert into users (id, email, uuid, created) values (?, ?, ?, ?::timestamptz at time zone 'UTC')
                on conflict (id) do nothing""",
                event.userId(), "poison-" + event.userId() + "@example.com", event.uuid(), event.at().toString());
        if (failing) {
            throw new IllegalStateException("refusing " + event.userId());
        }
    }
}
