package com.calcomalt.platform.axon;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a pooled processor whose token store holds fewer segments than it is configured with
 * ({@code initial-segment-count}) up to that count. Axon applies that count only to a processor that
 * has no tokens yet, so an installation whose processors first ran with fewer segments would keep
 * them for good.
 *
 * <p>Each split is Axon's own ({@link StreamingEventProcessor#splitSegment}): the processor stops the
 * segment's work after its current batch, and both halves start from the token the segment had, so
 * every later event is handled once, by the half its sequence (booking, aggregate) belongs to, in order.
 * A node splits only a segment that it has claimed or that nobody has, never one another node is
 * working on: Axon's claim in the token store is taken for the split. Per processor a PostgreSQL
 * advisory lock lets one node at a time decide and split, from the segments as they are once the
 * previous splitter has committed, so nodes starting together neither fight nor overshoot the count.
 * The widest segments are split first, so the result is the segments Axon would have made afresh.
 *
 * <p>More segments than configured are left as they are, with a warning: merging is no faster, and
 * the segments are shared among the nodes (see {@link LiveNodes}) whatever their count.
 */
public class SegmentSplitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentSplitter.class);
    /** First key of this class's advisory locks (the second is the processor's), apart from any other lock. */
    static final int LOCK_KEY = 0x5E65_0001;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, Integer> configured;
    private final Function<String, Optional<StreamingEventProcessor>> processors;
    private final String owner;
    private final Duration interval;
    private final Duration splitTimeout;
    private final Runnable afterSplit;
    /** Processors whose count is reached (or passed): nothing more to do for them while this node runs. */
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    /** Processors said to wait for another node's claim, so that it is said once, not every round. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    /**
     * @param configured  the segment count of each processor to keep up to
     * @param processors  this node's processor of a name, if it has one
     * @param owner       this node's name in the token store's {@code owner} column
     * @param afterSplit  run once a processor has its count, so the nodes' shares count the new segments at once
     */
    public SegmentSplitter(JdbcTemplate jdbc, TransactionTemplate transactions, Map<String, Integer> configured,
                           Function<String, Optional<StreamingEventProcessor>> processors, String owner,
                           Duration interval, Duration splitTimeout, Runnable afterSplit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.configured = Map.copyOf(configured);
        this.processors = processors;
        this.owner = owner;
        this.interval = interval;
        this.splitTimeout = splitTimeout;
        this.afterSplit = afterSplit;
    }

    /** The count a processor is kept up to, if it is one of those. */
    public Optional<Integer> configuredSegments(String processor) {
        return Optional.ofNullable(configured.get(processor));
    }

    /** Whether every processor of this node has at least its configured count. */
    public boolean settled() {
        return settled.containsAll(configured.keySet());
    }

    /** One round: for each processor short of its count, the splits this node can make now. */
    public void splitWhereNeeded() {
        configured.forEach((name, count) -> {
            if (settled.contains(name)) {
                return;
            }
            Optional<StreamingEventProcessor> processor = processors.apply(name);
            if (processor.isEmpty()) {
                settled.add(name);
            } else if (processor.get().isRunning()) {
                transactions.executeWithoutResult(status -> splitUpTo(name, count, processor.get()));
            }
        });
    }

    private void splitUpTo(String name, int count, StreamingEventProcessor processor) {
        // A transaction's lock: it goes with the transaction, whichever way it ends, on any node.
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?, ?)", Boolean.class,
                LOCK_KEY, name.hashCode()))) {
            return;
        }
        // Each split adds one segment; the bound only guards against a split that reports success and adds none.
        for (int splits = 0; splits <= count; splits++) {
            Map<Integer, String> owners = owners(name);
            if (owners.isEmpty()) {
                // Not started anywhere yet: Axon creates the configured count itself.
                return;
            }
            if (owners.size() >= count) {
                settle(name, owners.size(), count, splits > 0);
                return;
            }
            Optional<Segment> next = widestSplittable(owners);
            if (next.isEmpty()) {
                if (waiting.add(name)) {
                    log.info("Processor {} has {} of its {} segments; the widest are claimed by other nodes, which "
                            + "split them (or this node once it has them)", name, owners.size(), count);
                }
                return;
            }
            log.info("Processor {} has {} segments in the token store, {} configured: splitting segment {}",
                    name, owners.size(), count, next.get().getSegmentId());
            if (!split(name, processor, next.get())) {
                return;
            }
        }
    }

    private Map<Integer, String> owners(String processor) {
        Map<Integer, String> owners = new HashMap<>();
        jdbc.query("select segment, owner from eventstore.token_entry where processor_name = ?",
                rs -> {
                    owners.put(rs.getInt(1), rs.getString(2));
                }, processor);
        return owners;
    }

    private Optional<Segment> widestSplittable(Map<Integer, String> owners) {
        Segment[] segments = Segment.computeSegments(owners.keySet().stream().mapToInt(Integer::intValue).toArray());
        int widest = Arrays.stream(segments).mapToInt(Segment::getMask).min().orElseThrow();
        return Arrays.stream(segments)
                .filter(segment -> segment.getMask() == widest)
                .filter(segment -> {
                    String claimedBy = owners.get(segment.getSegmentId());
                    return claimedBy == null || claimedBy.equals(owner);
                })
                .min(Comparator.comparingInt(Segment::getSegmentId));
    }

    private boolean split(String name, StreamingEventProcessor processor, Segment segment) {
        try {
            if (Boolean.TRUE.equals(processor.splitSegment(segment.getSegmentId())
                    .get(splitTimeout.toMillis(), TimeUnit.MILLISECONDS))) {
                return true;
            }
            log.info("Processor {}: segment {} was not split this round", name, segment.getSegmentId());
        } catch (ExecutionException e) {
            // Most often another node claimed the segment in the meantime; it is that node's to split.
            log.info("Processor {}: segment {} not split this round: {}", name, segment.getSegmentId(),
                    e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("Processor {}: splitting segment {} took longer than {}; tried again next round", name,
                    segment.getSegmentId(), splitTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void settle(String name, int stored, int count, boolean split) {
        if (stored > count) {
            log.warn("Processor {} has {} segments in the token store, more than the {} configured: they are left "
                    + "as they are (segments are never merged automatically)", name, stored, count);
        } else if (split) {
            log.info("Processor {} now has the {} segments configured, each at the position of the one it came from",
                    name, count);
            afterSplit.run();
        } else {
            log.debug("Processor {} has the {} segments configured", name, count);
        }
        settled.add(name);
    }

    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        // A start looks afresh, as a node does when it starts.
        settled.clear();
        waiting.clear();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-splitter");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                splitWhereNeeded();
            } catch (RuntimeException e) {
                // A task that throws is never run again; the next round may well succeed.
                log.warn("Segments not checked this round", e);
            }
            if (settled()) {
                // Counts change only with the configuration, which takes a restart.
                executor.shutdown();
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        timer = executor;
    }

    /** Before Axon stops the processors (the default phase stops first), so no split waits on a stopping one. */
    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
