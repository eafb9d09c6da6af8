package com.calcomalt.platform.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The dead letters per processing group, counted in the background. Health and metrics read the
 * last count and never wait on the database themselves: while PostgreSQL is down, health must say
 * DOWN within its own connection timeout, not after one more per indicator.
 */
class DeadLetterCounts implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterCounts.class);

    /** The last successful count; {@code countedAt} is null before the first. */
    record Snapshot(Map<String, Integer> byGroup, Instant countedAt) {
        int total() {
            return byGroup.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final DeadLetters deadLetters;
    private final Duration interval;
    private final ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dead-letter-counts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot last = new Snapshot(Map.of(), null);

    DeadLetterCounts(DeadLetters deadLetters, Duration interval) {
        this.deadLetters = deadLetters;
        this.interval = interval;
    }

    Snapshot last() {
        return last;
    }

    @Override
    public void afterPropertiesSet() {
        counter.scheduleWithFixedDelay(this::count, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        counter.shutdownNow();
    }

    private void count() {
        try {
            last = new Snapshot(deadLetters.countsByGroup(), Instant.now());
        } catch (RuntimeException e) {
            log.debug("Dead letters not counted this time; the last count stands", e);
        }
    }
}
