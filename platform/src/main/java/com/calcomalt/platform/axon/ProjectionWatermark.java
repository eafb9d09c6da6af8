package com.calcomalt.platform.axon;

import com.calcomalt.platform.database.ChannelListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the projection processors have come, for requests that wait until their own events are
 * projected. One watcher thread per process answers every waiting request: it looks at the
 * processors' positions when a processor has committed a batch (or when a request starts
 * waiting), and otherwise every {@code pollInterval} while anyone waits. A processor running in
 * this process is read from its in-memory status, which it advances only once a batch has
 * committed, and wakes the watcher itself; one running in another process is read from its tokens
 * in the database, one query for all waiting requests, when its PostgreSQL notification says it
 * has committed a batch.
 */
public class ProjectionWatermark implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionWatermark.class);
    private static final String SIGNALLED = ProjectionWatermark.class.getName() + ".signalled";
    /** Sent by a projection processor in each batch's transaction, so it is delivered when the batch commits. */
    static final String CHANNEL = "calalt_projections";
    /** Between notifications, the token table is still read this often, in case one was lost. */
    private static final long UNNOTIFIED_READ_NANOS = Duration.ofMillis(100).toNanos();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final List<String> processors;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final Duration pollInterval;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final Map<String, StreamingEventProcessor> localProcessors = new ConcurrentHashMap<>();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread watcher;
    /** Listens for other processes' batch commits once a processor is seen to run elsewhere. */
    private final ChannelListener listener;
    private volatile boolean notified;
    private long remoteReadAt;
    private List<List<TrackingToken>> remotePositions = List.of();

    public ProjectionWatermark(DataSource dataSource, JdbcTemplate jdbc, Serializer serializer, List<String> processors,
                               ObjectProvider<org.axonframework.config.Configuration> axon, Duration pollInterval) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processors = List.copyOf(processors);
        this.axon = axon;
        this.pollInterval = pollInterval;
        this.listener = new ChannelListener(dataSource, CHANNEL, "read-your-writes-listener", Duration.ofSeconds(1),
                () -> { }, () -> {
                    notified = true;
                    wakeUps.release();
                }, () -> { });
    }

    public List<String> processors() {
        return processors;
    }

    /** Whether this process listens for other processes' batch commits. */
    boolean listening() {
        return listener.listening();
    }

    /**
     * Waits until every processor has projected the events at these global indexes.
     *
     * @return whether they did within the timeout
     * @throws RuntimeException what reading the positions failed with, so the caller can tell an outage
     */
    public boolean await(long[] globalIndexes, Duration timeout) throws InterruptedException {
        Waiter waiter = new Waiter(globalIndexes);
        waiters.add(waiter);
        notified = true;
        wakeUps.release();
        try {
            waiter.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            waiters.remove(waiter);
        }
    }

    /** Tells the watcher that a processor of this process has committed a batch. */
    public void batchCommitted() {
        if (!waiters.isEmpty()) {
            wakeUps.release();
        }
    }

    /**
     * For the projection processors of this process: once a batch has committed and the processor
     * has advanced its status (the cleanup phase comes after both), the watcher looks. Other
     * processes learn of the commit by a PostgreSQL notification, sent in the batch's transaction.
     */
    public MessageHandlerInterceptor<EventMessage<?>> signalAfterEachBatch() {
        return (unitOfWork, chain) -> {
            if (unitOfWork.resources().putIfAbsent(SIGNALLED, Boolean.TRUE) == null) {
                unitOfWork.onPrepareCommit(u -> jdbc.execute("notify " + CHANNEL));
                unitOfWork.onCleanup(u -> batchCommitted());
            }
            return chain.proceed();
        };
    }

    /**
     * Whether a processor at this token has handled the event at this global index. Not {@code
     * index <= position}: a transaction that took a lower index may commit after a higher one was
     * seen, and the token keeps that index as a gap until the event arrives. Nor {@link
     * TrackingToken#covers}, which also asks that the gaps below match, so an old gap (a rolled-back
     * insert leaves one for good until Axon drops it) would hold every request back.
     */
    static boolean covers(TrackingToken token, long globalIndex) {
        TrackingToken position = WrappedToken.unwrapLowerBound(token);
        if (position instanceof GapAwareTrackingToken gapAware) {
            return globalIndex <= gapAware.getIndex() && !gapAware.getGaps().contains(globalIndex);
        }
        return position != null && position.position().orElse(-1) >= globalIndex;
    }

    private void watch() {
        while (running) {
            try {
                if (waiters.isEmpty()) {
                    wakeUps.acquire();
                } else {
                    wakeUps.tryAcquire(pollInterval.toNanos(), TimeUnit.NANOSECONDS);
                }
                wakeUps.drainPermits();
                if (waiters.isEmpty()) {
                    continue;
                }
                List<List<TrackingToken>> positions = positions();
                waiters.removeIf(waiter -> {
                    if (waiter.isDone()) {
                        return true;
                    }
                    if (waiter.coveredBy(positions)) {
                        waiter.complete(null);
                        return true;
                    }
                    return false;
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Every waiting request learns it now, as each would have when reading the tokens itself.
                log.debug("Reading the projection processors' positions failed", e);
                for (Waiter waiter : waiters) {
                    waiter.completeExceptionally(e);
                }
            }
        }
    }

    /** Per processor, the tokens of its segments; a processor with none is not waited for. */
    private List<List<TrackingToken>> positions() {
        List<List<TrackingToken>> positions = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        for (String processor : processors) {
            Optional<List<TrackingToken>> local = localPosition(processor);
            if (local.isPresent()) {
                positions.add(local.get());
            } else {
                remote.add(processor);
            }
        }
        if (!remote.isEmpty()) {
            startListening();
            positions.addAll(remotePositions(remote));
        }
        return positions;
    }

    /**
     * The stored tokens of processors of other processes: read when one of them has notified a
     * commit (or a request began waiting), and otherwise only every 100 ms, unless nothing listens
     * for the notifications (then on every look).
     */
    private List<List<TrackingToken>> remotePositions(List<String> remote) {
        long now = System.nanoTime();
        if (listener.listening() && !notified && now - remoteReadAt < UNNOTIFIED_READ_NANOS) {
            return remotePositions;
        }
        notified = false;
        Map<String, List<TrackingToken>> stored = new HashMap<>();
        jdbc.query("""
                select processor_name, token, token_type from eventstore.token_entry
                where processor_name = any (?) and token is not null""",
                rs -> {
                    stored.computeIfAbsent(rs.getString(1), name -> new ArrayList<>())
                            .add(token(rs.getBytes(2), rs.getString(3)));
                },
                (Object) remote.toArray(String[]::new));
        remoteReadAt = now;
        remotePositions = List.copyOf(stored.values());
        return remotePositions;
    }

    private synchronized void startListening() {
        if (running) {
            listener.start();
        }
    }

    /** The processor's committed position in this process, if every one of its segments is claimed here. */
    private Optional<List<TrackingToken>> localPosition(String processor) {
        return localProcessor(processor).flatMap(streaming -> {
            Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
            double claimed = 0;
            List<TrackingToken> tokens = new ArrayList<>();
            for (EventTrackerStatus segment : status.values()) {
                claimed += 1.0 / (segment.getSegment().getMask() + 1);
                tokens.add(segment.getTrackingToken());
            }
            return claimed > 0.999 && !tokens.contains(null) ? Optional.of(tokens) : Optional.empty();
        });
    }

    /** Looked up once found: the watcher looks many times a second, and a bean lookup each time is not free. */
    private Optional<StreamingEventProcessor> localProcessor(String processor) {
        StreamingEventProcessor found = localProcessors.get(processor);
        if (found != null) {
            return Optional.of(found);
        }
        org.axonframework.config.Configuration configuration = axon.getIfAvailable();
        if (configuration == null) {
            return Optional.empty();
        }
        Optional<StreamingEventProcessor> streaming = configuration.eventProcessingConfiguration()
                .eventProcessor(processor, StreamingEventProcessor.class);
        streaming.ifPresent(p -> localProcessors.put(processor, p));
        return streaming;
    }

    private TrackingToken token(byte[] token, String type) {
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
    }

    @Override
    public synchronized void start() {
        running = true;
        watcher = new Thread(this::watch, "read-your-writes");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        listener.stop();
        if (watcher != null) {
            watcher.interrupt();
            try {
                watcher.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it, so no request is left waiting on a watcher that is gone. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    private static final class Waiter extends CompletableFuture<Void> {
        private final long[] globalIndexes;

        Waiter(long[] globalIndexes) {
            this.globalIndexes = globalIndexes;
        }

        boolean coveredBy(List<List<TrackingToken>> positions) {
            for (List<TrackingToken> processor : positions) {
                for (TrackingToken segment : processor) {
                    for (long globalIndex : globalIndexes) {
                        if (!covers(segment, globalIndex)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }
}
