package com.calcomalt.platform.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an operator watches, counted in the background on an interval: each event processor's lag
 * behind the head of the event store, and every {@link OperationsCount} this process declares. A
 * scrape or a health check reads the last counts and costs no query, so neither waits on a slow or
 * absent database.
 */
class OperationsCounts implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OperationsCounts.class);

    /**
     * {@code lag}: global index positions between the head and the furthest-behind segment this
     * node runs (an upper bound of the events still to handle: a rolled-back append leaves a gap);
     * {@code segments}: how many of the processor's segments this node runs. Another node's
     * segments count there.
     */
    record ProcessorLag(long lag, int segments) {
    }

    /** The last counts; a count that failed (a missing table) is absent; {@code countedAt} null before the first. */
    record Snapshot(long head, Map<String, ProcessorLag> processors, Map<OperationsCount, Long> counts,
                    Instant countedAt) {
    }

    private final EventProcessingConfiguration eventProcessing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final List<OperationsCount> declared;
    private final Duration interval;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Set<OperationsCount> failing = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "operations-counts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot last = new Snapshot(-1, Map.of(), Map.of(), null);

    OperationsCounts(EventProcessingConfiguration eventProcessing, EventStore eventStore, JdbcTemplate jdbc,
                     List<OperationsCount> declared, Duration interval) {
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.declared = declared;
        this.interval = interval;
    }

    Snapshot last() {
        return last;
    }

    List<OperationsCount> declared() {
        return declared;
    }

    /** Called on the counting thread after each count, e.g. to add gauges for processors seen first now. */
    void onEachCount(Consumer<Snapshot> listener) {
        listeners.add(listener);
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
            long head = position(eventStore.createHeadToken());
            Map<OperationsCount, Long> counts = new LinkedHashMap<>();
            for (OperationsCount count : declared) {
                countInto(counts, count);
            }
            last = new Snapshot(head, lags(head), counts, Instant.now());
            listeners.forEach(listener -> listener.accept(last));
        } catch (RuntimeException e) {
            log.debug("Operations not counted this time; the last counts stand", e);
        }
    }

    private void countInto(Map<OperationsCount, Long> counts, OperationsCount count) {
        try {
            Long value = jdbc.queryForObject(count.sql(), Long.class);
            counts.put(count, value == null ? 0 : value);
            failing.remove(count);
        } catch (DataAccessException e) {
            if (failing.add(count)) {
                log.info("{}.{} is not counted: {}", count.group(), count.key(), e.getMostSpecificCause().getMessage());
            }
        }
    }

    private Map<String, ProcessorLag> lags(long head) {
        Map<String, ProcessorLag> lags = new LinkedHashMap<>();
        for (var processor : eventProcessing.eventProcessors().entrySet()) {
            if (processor.getValue() instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
                long lag = 0;
                for (EventTrackerStatus status : segments.values()) {
                    lag = Math.max(lag, head - status.getCurrentPosition().orElse(-1L));
                }
                lags.put(processor.getKey(), new ProcessorLag(Math.max(0, lag), segments.size()));
            }
        }
        return lags;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1L : token.position().orElse(-1L);
    }
}
