package com.calcomalt.platform.deadletters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code calalt.dead.letters}, one gauge per dead-lettering processing group, for an alert on any
 * value above zero. One count query serves every gauge of a scrape.
 */
class DeadLetterMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final DeadLetters deadLetters;
    private final DeadLetteringGroups groups;
    private final Clock clock = Clock.systemUTC();
    private volatile Map<String, Integer> counts = Map.of();
    private volatile Instant countedAt = Instant.MIN;

    DeadLetterMetrics(DeadLetters deadLetters, DeadLetteringGroups groups) {
        this.deadLetters = deadLetters;
        this.groups = groups;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : groups.names()) {
            Gauge.builder("calalt.dead.letters", this, metrics -> metrics.count(group))
                    .description("Events held back in a processing group's dead-letter queue")
                    .tag("processing_group", group)
                    .register(registry);
        }
    }

    private double count(String group) {
        Instant now = clock.instant();
        if (countedAt.plus(FRESH_FOR).isBefore(now)) {
            try {
                counts = deadLetters.countsByGroup();
                countedAt = now;
            } catch (RuntimeException databaseUnavailable) {
                return Double.NaN;
            }
        }
        return counts.getOrDefault(group, 0);
    }
}
