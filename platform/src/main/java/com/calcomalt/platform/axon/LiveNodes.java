package com.calcomalt.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
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
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The nodes that share this database, each saying every few seconds that it is alive
 * ({@code cluster.nodes}), and from them each processor's fair share of its segments here:
 * ceil(segments / live nodes). Axon's pooled processors ask this before they claim and give up what
 * is above it, so a processor's segments spread over the nodes instead of staying with the one
 * that started first. A node that stops saying it is alive for {@code deadAfter} no longer counts:
 * the others' shares grow and they take its segments once its claims expire.
 *
 * <p>A process that dies loses its database connections at once, while its heartbeat would keep it
 * counted for {@code deadAfter}. So each node says it is alive through one connection that it holds
 * for its whole life, and names that connection's backend: a node whose backend is gone from
 * {@code pg_stat_activity} is dead now. Its segment claims are freed at the others' next heartbeat,
 * instead of after Axon's claim timeout, and {@link #lostTheirNode} tells a waiting request that
 * the projections it waits for are moving to another node. A node that hangs or loses its network
 * keeps its backend until PostgreSQL notices; for it the heartbeat and the claim timeout still hold.
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
    private final String[] processors;
    /** The connection whose backend stands for this process; used under this object's lock only. */
    private Connection session;
    private boolean stopped;
    private volatile List<String> live = List.of();
    /** Per processor, how many segments it has in the token store; none before it first started anywhere. */
    private volatile Map<String, Integer> segments = Map.of();
    private ScheduledExecutorService timer;

    /** Whether node {@code n} is alive: it beat lately, and the backend it named (if any) still runs. */
    private static String alive(String n) {
        return n + ".seen_at > now() - ? * interval '1 millisecond' and (" + n + ".session_pid is null or "
                + sessionRuns(n) + ")";
    }

    /**
     * Whether the backend node {@code n} named still runs. PostgreSQL hides another role's backend_start
     * (a node that connects as another role than this one's), and then the pid alone tells.
     */
    private static String sessionRuns(String n) {
        return "exists (select 1 from pg_stat_activity a where a.pid = " + n + ".session_pid"
                + " and (a.backend_start = " + n + ".session_started or a.backend_start is null))";
    }

    public LiveNodes(JdbcTemplate jdbc, String name, Duration heartbeat, Duration deadAfter) {
        this(jdbc, name, heartbeat, deadAfter, List.of());
    }

    /** @param processors the event processors this node runs, so the others know it could take theirs over */
    public LiveNodes(JdbcTemplate jdbc, String name, Duration heartbeat, Duration deadAfter,
                     Collection<String> processors) {
        this.jdbc = jdbc;
        this.name = name;
        this.heartbeat = heartbeat;
        this.deadAfter = deadAfter;
        this.processors = processors.stream().sorted().toArray(String[]::new);
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

    synchronized void beat() {
        if (stopped) {
            return;
        }
        try {
            JdbcTemplate own = new JdbcTemplate(new SingleConnectionDataSource(session(), true));
            own.update("""
                    insert into cluster.nodes (name, started_at, seen_at, session_pid, session_started, processors)
                    select ?, now(), now(), pid, backend_start, ?::text[] from pg_stat_activity where pid = pg_backend_pid()
                    on conflict (name) do update set seen_at = now(), session_pid = excluded.session_pid,
                        session_started = excluded.session_started, processors = excluded.processors""",
                    name, processors);
            live = own.queryForList("select name from cluster.nodes n where " + alive("n") + " order by name",
                    String.class, deadAfter.toMillis());
            freeClaimsOfDeadNodes(own);
            Map<String, Integer> counts = new HashMap<>();
            own.query("select processor_name, count(*) from eventstore.token_entry group by processor_name",
                    rs -> {
                        counts.put(rs.getString(1), rs.getInt(2));
                    });
            segments = Map.copyOf(counts);
        } catch (DataAccessException | SQLException e) {
            log.debug("Node {} could not say it is alive: {}", name, e.getMessage());
            closeSession();
        }
    }

    /**
     * A node whose backend has ended is dead (or cut off from the database, so it cannot commit a batch
     * anyway: Axon stores a token only where its owner still holds it). Its claims are freed, and the
     * processors here and elsewhere take them at their next claim attempt, within fair share.
     */
    private void freeClaimsOfDeadNodes(JdbcTemplate own) {
        List<String> freed = own.queryForList("""
                update eventstore.token_entry t set owner = null
                from cluster.nodes n
                where n.name = t.owner and n.session_pid is not null
                  and not %s
                returning t.processor_name || '/' || t.segment || ' of ' || n.name""".formatted(sessionRuns("n")),
                String.class);
        if (!freed.isEmpty()) {
            log.info("Node {} freed the segments of nodes whose database session ended: {}", name, freed);
        }
    }

    /**
     * Whether a node that runs one of these processors died within {@code lately} (its database session
     * ended, or it stopped beating), so that its work may be moving to another node now. Asked now, not
     * as of the last heartbeat, since a waiting request asks the moment its wait ends. Not this node: it
     * answers, so it lives (between its session breaking and its next heartbeat it looks dead). A node
     * that stopped normally has left and does not count: it released its claims, and a processor stopped
     * on purpose (a rebuild's switch) is not waited for either.
     */
    public boolean lostTheirNode(Collection<String> processors, Duration lately) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from cluster.nodes d
                               where d.processors && ?::text[] and d.seen_at > now() - ? * interval '1 millisecond'
                               and d.name <> ? and not (%s))""".formatted(alive("d")),
                Boolean.class, processors.toArray(String[]::new), lately.toMillis(), name, deadAfter.toMillis()));
    }

    /** Held for the node's life (like a channel listener's); taken again after it broke. */
    private Connection session() throws SQLException {
        if (session == null || session.isClosed()) {
            session = jdbc.getDataSource().getConnection();
            session.setAutoCommit(true);
        }
        return session;
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // It is broken already; the next heartbeat takes another.
            }
            session = null;
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
        stopped = false;
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
        stopped = true;
        try {
            jdbc.update("delete from cluster.nodes where name = ?", name);
        } catch (DataAccessException e) {
            log.debug("Node {} could not say it left: {}", name, e.getMessage());
        }
        closeSession();
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
