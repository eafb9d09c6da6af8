package com.calcomalt.platform.axon;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nodes that share this database, each saying every few seconds that it is alive
 * ({@code cluster.nodes}), and from them each processor's fair share of its segments here:
 * ceil(segments / live nodes). Axon's pooled processors ask this before they claim and give up what
 * is above it, so a processor's segments spread over the nodes instead of staying with the one
 * that started first. A node that stops saying it is alive for {@code deadAfter} no longer counts:
 * the others' shares grow and they take its segments once its claims expire.
 *
 * <p>Times are the database's, so the nodes' clocks need not agree. While the database is gone the
 * last known figures stay; every node's processors are stopped by then anyway.
 */
public class LiveNodes implements MaxSegmentProvider, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNodes.class);

    private final JdbcTemplate jdbc;
    private final String name;
    private final Duration heartbeat;
    private final Duration deadAfter;
    private volatile List<String> live = List.of();
    /** Per processor, how many segments it has in the token store; none before it first started anywhere. */
    private volatile Map<String, Integer> segments = Map.of();
    private ScheduledExecutorService timer;

    public LiveNodes(JdbcTemplate jdbc, String name, Duration heartbeat, Duration deadAfter) {
        this.jdbc = jdbc;
        this.name = name;
        this.heartbeat = heartbeat;
        this.deadAfter = deadAfter;
    }

    /** Before the first count a processor may take everything: a lone node must not wait for figures. */
    @Override
    public int getMaxSegments(String processor) {
        Integer total = segments.get(processor);
        int nodes = Math.max(1, live.size());
        return total == null ? Short.MAX_VALUE : Math.max(1, (total + nodes - 1) / nodes);
    }

    /** How many segments a processor has in the token store, as of the last heartbeat; none before it first started. */
    public Optional<Integer> segmentsInStore(String processor) {
        return Optional.ofNullable(segments.get(processor));
    }

    /** The live nodes' names, this one included once it has said it is alive. */
    public List<String> names() {
        return live;
    }

    public String name() {
        return name;
    }

    void beat() {
        try {
            jdbc.update("""
                    insert into cluster.nodes (name, started_at, seen_at) values (?, now(), now())
                    on conflict (name) do update set seen_at = now()""", name);
            live = jdbc.queryForList("""
                    select name from cluster.nodes where seen_at > now() - ? * interval '1 millisecond'
                    order by name""", String.class, deadAfter.toMillis());
            Map<String, Integer> counts = new HashMap<>();
            jdbc.query("select processor_name, count(*) from eventstore.token_entry group by processor_name",
                    rs -> {
                        counts.put(rs.getString(1), rs.getInt(2));
                    });
            segments = Map.copyOf(counts);
        } catch (DataAccessException e) {
            log.debug("Node {} could not say it is alive: {}", name, e.getMessage());
        }
    }

    /** Early, so that the processors, which start later, already know how many nodes there are. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        beat();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-nodes");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A node that stops on purpose leaves at once; its processors have released their claims by then. */
    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        timer = null;
        try {
            jdbc.update("delete from cluster.nodes where name = ?", name);
        } catch (DataAccessException e) {
            log.debug("Node {} could not say it left: {}", name, e.getMessage());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
