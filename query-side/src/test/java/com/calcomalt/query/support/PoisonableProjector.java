package com.calcomalt.query.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A projector of the cal.com processor that fails on {@link Poison} while told to, standing in for
 * a projector with a bug or a database that refuses a row.
 */
@Component
@ProcessingGroup("calcom.test-poison")
public class PoisonableProjector {

    public record Poison(String id) {
    }

    public static volatile boolean failing;
    public static final AtomicInteger attempts = new AtomicInteger();

    @EventHandler
    void on(Poison event) {
        attempts.incrementAndGet();
        if (failing) {
            throw new IllegalStateException("refusing " + event.id());
        }
    }
}
