package com.calcomalt.query.replay;

import com.calcomalt.platform.axon.DeserializedAhead;
import com.calcomalt.platform.axon.InvokersByPayloadType;
import com.calcomalt.platform.axon.ProjectionCommits;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.NotFound;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds projections from the event store beside the live tables, one processor (an Axon event
 * processor and its processing groups) or all of those that allow a replay (processors with side
 * effects, such as sending mail, opt out with {@code @DisallowReplay}).
 *
 * <p>A rebuild copies the processor's tables, empty, into a shadow schema and runs a second
 * processor with the same event handlers from the first event, its writes sent there (see
 * {@link ShadowWrites}), while the live processor goes on and queries read the live tables. Once
 * the shadow has reached the head of the event store, the shadow stops, then the live processor, one
 * transaction swaps the shadow tables into the live tables' place (see {@link ShadowTables}), gives
 * the live processor the shadow's token and replaces each group's dead letters by the rebuild's, and
 * the live processor starts again from there (handling the few events stored since the shadow's last
 * batch). A verify builds the
 * same shadow and compares it with the live tables at the same position instead, table by table.
 *
 * <p>The shadow dead-letters as the live processor does, each group into its own rebuild queue
 * (processing group {@code group~rebuild} in the same table): an event the live processor holds
 * back, the rebuild holds back too, with its aggregate's later events, instead of failing. The
 * switch makes those letters the group's, so the aggregate stays held back exactly once.
 */
@Component
public class ProjectionReplay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);
    private static final String SHADOW_SUFFIX = "~rebuild";
    private static final Duration SWITCH_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SHADOW_FAILURE_LIMIT = Duration.ofSeconds(60);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    /** How long the switch waits for a lock on a live table before it lets go and tries again: readers queue behind it meanwhile. */
    private static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);
    private static final int SWITCH_ATTEMPTS = 20;

    public enum Mode { REBUILD, VERIFY }

    public enum State { BUILDING, SWITCHING, DONE, FAILED }

    public record SegmentStatus(long position, boolean replaying, boolean error) {
    }

    /**
     * Where one rebuild or verify stands: the shadow's position against the head, its speed, and
     * the time it still needs at that speed. {@code changedRows}: per table, rows deleted, inserted or
     * changed by the switch (counted after it); {@code switchMillis}: how long the live processor was stopped for the switch.
     */
    public record RebuildStatus(Mode mode, State state, Instant startedAt, Instant finishedAt, long position, long head,
                                double eventsPerSecond, double percent, Long etaSeconds, List<String> tables,
                                Map<String, Long> changedRows, Long switchMillis, String failure) {
    }

    public record TableComparison(String table, long liveRows, long rebuiltRows, String liveChecksum,
                                  String rebuiltChecksum, boolean identical) {
    }

    /** A verify's outcome: every table of the processor, and the names of those that differ. */
    public record Verification(Instant at, long position, boolean identical, List<String> differing,
                               List<TableComparison> tables) {
    }

    /**
     * {@code caughtUp}: every segment has handled every event stored when the status was taken, and no
     * rebuild of the processor is under way. {@code lag}: events between its position and the head;
     * {@code lagSeconds}: the age of the oldest event it has not handled; {@code percent} and
     * {@code etaSeconds} of the live processor's catching up, at the {@code eventsPerSecond} of the
     * last ten seconds.
     */
    public record ProcessorStatus(String name, boolean running, boolean caughtUp, long position, long head, long lag,
                                  double lagSeconds, double eventsPerSecond, double percent, Long etaSeconds,
                                  Map<Integer, SegmentStatus> segments, RebuildStatus rebuild,
                                  Verification lastVerification) {
    }

    public record Status(long headPosition, List<ProcessorStatus> processors) {
    }

    private record Sample(long nanos, long position) {
    }

    /** One processor's part in a rebuild. */
    private final class Target {
        final StreamingEventProcessor live;
        final String shadowName;
        final String shadowSchema;
        final Set<String> groups;
        final Set<ShadowTables.Table> tables;
        List<String> indexesAtTheHead = List.of();
        volatile PooledStreamingEventProcessor shadow;
        long furthest = -1;
        final List<ExecutorService> executors = new ArrayList<>();

        Target(StreamingEventProcessor live) {
            this.live = live;
            this.shadowName = live.getName() + SHADOW_SUFFIX;
            this.shadowSchema = "rebuild_" + live.getName().toLowerCase().replaceAll("[^a-z0-9]", "_");
            this.groups = groupsOf(live);
            this.tables = ProjectionTables.of(groups, shadows);
        }
    }

    private final class Rebuild {
        final Mode mode;
        final List<Target> targets;
        final Instant startedAt = Instant.now();
        volatile State state = State.BUILDING;
        volatile Instant finishedAt;
        volatile String failure;
        volatile Map<String, Long> changedRows = Map.of();
        volatile Long switchMillis;

        Rebuild(Mode mode, List<Target> targets) {
            this.mode = mode;
            this.targets = targets;
        }

        boolean active() {
            return state == State.BUILDING || state == State.SWITCHING;
        }
    }

    private final EventProcessingConfiguration eventProcessing;
    private final EventStore eventStore;
    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TokenStore tokenStore;
    private final TransactionManager axonTransactions;
    private final TransactionTemplate switchTransaction;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final ConnectionProvider connectionProvider;
    private final DeadLetterSchema deadLetterSchema;
    private final Environment environment;
    private final ShadowTables shadows;
    private final Duration sampleInterval;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final Map<String, Verification> verifications = new ConcurrentHashMap<>();
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final Map<String, Double> lagSeconds = new ConcurrentHashMap<>();
    private final List<Consumer<List<String>>> sampleListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("projection-rebuild"));
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("projection-progress"));
    private volatile boolean running;
    private volatile long head = -1;
    private volatile boolean sampleFailedBefore;
    private volatile ShadowTables.Swap lastSwap;

    public ProjectionReplay(EventProcessingConfiguration eventProcessing, EventStore eventStore,
                            @Qualifier("promptEventSource") StreamableMessageSource<TrackedEventMessage<?>> source,
                            TokenStore tokenStore, TransactionManager axonTransactions,
                            PlatformTransactionManager transactionManager, JdbcTemplate jdbc, Serializer serializer,
                            @Qualifier("eventSerializer") Serializer eventSerializer,
                            ConnectionProvider connectionProvider, DeadLetterSchema deadLetterSchema,
                            Environment environment,
                            @Value("${calalt.projections.sample-interval:1s}") Duration sampleInterval) {
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
        this.source = source;
        this.tokenStore = tokenStore;
        this.axonTransactions = axonTransactions;
        this.switchTransaction = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.connectionProvider = connectionProvider;
        this.deadLetterSchema = deadLetterSchema;
        this.environment = environment;
        this.shadows = new ShadowTables(jdbc);
        this.sampleInterval = sampleInterval;
    }

    /** Rebuilds every replayable processor beside its live tables; answers once the rebuild has started. */
    public List<String> replayAll() {
        return start(null, Mode.REBUILD);
    }

    /** Starts a rebuild or verify of one processor ({@code null}: every replayable one); answers their names. */
    public synchronized List<String> start(String processor, Mode mode) {
        List<StreamingEventProcessor> chosen = replayable().stream()
                .filter(p -> processor == null || p.getName().equals(processor)).toList();
        if (chosen.isEmpty()) {
            throw new NotFound("No event processor named " + processor + " can be rebuilt");
        }
        if (rebuilds.values().stream().anyMatch(Rebuild::active)) {
            throw new DomainConflict("A rebuild is under way; wait until it is done");
        }
        Rebuild rebuild = new Rebuild(mode, chosen.stream().map(Target::new).toList());
        rebuild.targets.forEach(t -> rebuilds.put(t.live.getName(), rebuild));
        worker.execute(() -> run(rebuild));
        return chosen.stream().map(StreamingEventProcessor::getName).toList();
    }

    public Status status() {
        long now = headPosition();
        List<ProcessorStatus> processors = new ArrayList<>();
        for (StreamingEventProcessor processor : replayable()) {
            Map<Integer, SegmentStatus> segments = new TreeMap<>();
            long position = Long.MAX_VALUE;
            boolean healthy = true;
            for (Map.Entry<Integer, EventTrackerStatus> entry : processor.processingStatus().entrySet()) {
                EventTrackerStatus status = entry.getValue();
                long at = status.getCurrentPosition().orElse(-1L);
                segments.put(entry.getKey(), new SegmentStatus(at, status.isReplaying(), status.isErrorState()));
                position = Math.min(position, at);
                healthy &= !status.isErrorState();
            }
            if (segments.isEmpty()) {
                position = -1;
            }
            Rebuild rebuild = rebuilds.get(processor.getName());
            boolean caughtUp = processor.isRunning() && healthy && (position >= now || (segments.isEmpty() && now < 0))
                    && (rebuild == null || !rebuild.active());
            double rate = rate(processor.getName());
            long lag = Math.max(0, now - position);
            processors.add(new ProcessorStatus(processor.getName(), processor.isRunning(), caughtUp, position, now, lag,
                    lagSeconds.getOrDefault(processor.getName(), 0.0), rate, percent(position, now),
                    eta(lag, rate), segments, rebuild == null ? null : statusOf(rebuild, now, processor.getName()),
                    verifications.get(processor.getName())));
        }
        return new Status(now, processors);
    }

    Optional<RebuildStatus> rebuildOf(String processor) {
        Rebuild rebuild = rebuilds.get(processor);
        return rebuild == null ? Optional.empty() : Optional.of(statusOf(rebuild, head, processor));
    }

    private RebuildStatus statusOf(Rebuild rebuild, long now, String processor) {
        Target target = rebuild.targets.stream().filter(t -> t.live.getName().equals(processor)).findFirst().orElseThrow();
        long position = shadowPosition(target);
        boolean done = rebuild.state == State.DONE;
        double rate = done ? 0 : rate(target.shadowName);
        long shownHead = Math.max(now, position);
        return new RebuildStatus(rebuild.mode, rebuild.state, rebuild.startedAt, rebuild.finishedAt,
                done ? shownHead : position, shownHead, rate, done ? 100.0 : percent(position, shownHead),
                done ? Long.valueOf(0) : eta(Math.max(0, shownHead - position), rate),
                target.tables.stream().map(ShadowTables.Table::toString).toList(), rebuild.changedRows, rebuild.switchMillis,
                rebuild.failure);
    }

    private static double percent(long position, long head) {
        if (head <= 0) {
            return 100.0;
        }
        return Math.max(0, Math.min(100.0, Math.floor(10_000.0 * Math.max(0, position) / head) / 100.0));
    }

    private static Long eta(long remaining, double rate) {
        if (remaining <= 0) {
            return 0L;
        }
        return rate > 0 ? (long) Math.ceil(remaining / rate) : null;
    }

    private void run(Rebuild rebuild) {
        String names = rebuild.targets.stream().map(t -> t.live.getName()).toList().toString();
        log.info("{} of {} started beside the live tables", rebuild.mode, names);
        State outcome = State.FAILED;
        try {
            for (Target target : rebuild.targets) {
                dropRetired(target);
                // A verify compares rows only and never builds these.
                target.indexesAtTheHead = shadows.create(target.shadowSchema, target.tables,
                        ProjectionTables.BUILT_AT_THE_HEAD);
                deleteTokens(target.shadowName);
                deleteRebuildLetters(target);
                target.shadow = shadowOf(target);
                target.shadow.start();
            }
            awaitBuilt(rebuild);
            rebuild.state = State.SWITCHING;
            if (rebuild.mode == Mode.VERIFY) {
                long stopped = System.nanoTime();
                stopAll(rebuild.targets.stream().flatMap(t -> Stream.of(t.live, t.shadow)));
                for (Target target : rebuild.targets) {
                    verifications.put(target.live.getName(), verify(target));
                }
                rebuild.targets.stream().filter(t -> !t.live.isRunning()).forEach(t -> t.live.start());
                rebuild.switchMillis = (System.nanoTime() - stopped) / 1_000_000;
            } else {
                switchIn(rebuild);
            }
            outcome = State.DONE;
            log.info("{} of {} done; the live processor stopped for {} ms", rebuild.mode, names, rebuild.switchMillis);
        } catch (Exception e) {
            rebuild.failure = e.getMessage();
            log.error("{} of {} failed; the live tables are as they were", rebuild.mode, names, e);
        } finally {
            for (Target target : rebuild.targets) {
                cleanUp(target);
            }
            // Only now: a rebuild started after this one must not find its shadow or the tables it moved away.
            rebuild.finishedAt = Instant.now();
            rebuild.state = outcome;
        }
    }

    private void stopAll(Stream<StreamingEventProcessor> processors) throws Exception {
        CompletableFuture.allOf(processors.map(StreamingEventProcessor::shutdownAsync).toArray(CompletableFuture[]::new))
                .get(SWITCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Vacuums the shadow while it still follows the head, stops it, and only then stops the live
     * processor for the swap itself, a transaction of catalog changes (see ShadowTables.swapIntoLive),
     * so the live processor is stopped for about as long as stopping and starting it takes.
     * Afterwards, with the live processor running: the re-added foreign keys are validated, the rows
     * that changed are counted against the tables moved away, and those are dropped.
     */
    private void switchIn(Rebuild rebuild) throws Exception {
        for (Target target : rebuild.targets) {
            long started = System.nanoTime();
            shadows.createIndexes(target.indexesAtTheHead);
            log.info("Built {} indexes of the rebuild at the head in {} ms", target.indexesAtTheHead.size(),
                    (System.nanoTime() - started) / 1_000_000);
            shadows.vacuum(target.shadowSchema, target.tables);
        }
        awaitBuilt(rebuild);
        stopAll(rebuild.targets.stream().map(t -> t.shadow));
        Map<ShadowTables.Table, String> shadowSchemas = new LinkedHashMap<>();
        Map<ShadowTables.Table, String> retired = new LinkedHashMap<>();
        rebuild.targets.forEach(t -> t.tables.forEach(table -> {
            shadowSchemas.put(table, t.shadowSchema);
            retired.put(table, retiredSchemaOf(t));
        }));
        ShadowTables.SwapPlan plan = shadows.planSwap(shadowSchemas, retired);
        long stopped = System.nanoTime();
        stopAll(rebuild.targets.stream().map(t -> t.live));
        long swapStarted = System.nanoTime();
        ShadowTables.Swap swap;
        long swapped;
        try {
            catchUpWithLive(rebuild);
            swap = swapWithRetries(rebuild.targets, plan);
        } finally {
            swapped = System.nanoTime();
            rebuild.targets.stream().filter(t -> !t.live.isRunning()).forEach(t -> t.live.start());
        }
        rebuild.switchMillis = (System.nanoTime() - stopped) / 1_000_000;
        log.info("Switched in: the live processor stopped in {} ms, the swap took {} ms, starting it again {} ms",
                (swapStarted - stopped) / 1_000_000, (swapped - swapStarted) / 1_000_000,
                (System.nanoTime() - swapped) / 1_000_000);
        lastSwap = swap;
        swap.detached().forEach((table, rows) -> {
            if (rows > 0) {
                log.warn("The switch deleted or detached {} rows of {} that pointed at rows the rebuild does not have",
                        rows, table);
            }
        });
        try {
            shadows.validate(swap.foreignKeysToValidate());
            rebuild.changedRows = shadows.differences(retired);
        } catch (RuntimeException e) {
            log.error("The rebuild is switched in, but checking it afterwards failed", e);
        }
    }

    /** Retried a few times when another transaction holds a lock on a table too long; each attempt waits at most LOCK_TIMEOUT. */
    private ShadowTables.Swap swapWithRetries(List<Target> targets, ShadowTables.SwapPlan plan) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return switchToShadows(targets, plan);
            } catch (DataAccessException e) {
                if (!waitedForALock(e)) {
                    throw e;
                }
                if (attempt == SWITCH_ATTEMPTS) {
                    throw new IllegalStateException("The live tables stayed locked by other transactions through "
                            + SWITCH_ATTEMPTS + " attempts to switch", e);
                }
                log.info("Switch attempt {} waited too long for a lock; trying again", attempt);
                Thread.sleep(50L * attempt);
            }
        }
    }

    private ShadowTables.Swap switchToShadows(List<Target> targets, ShadowTables.SwapPlan plan) {
        return switchTransaction.execute(tx -> {
            jdbc.execute("set local lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
            ShadowTables.Swap swap = shadows.swap(plan);
            for (Target target : targets) {
                jdbc.update("delete from eventstore.token_entry where processor_name = ?", target.live.getName());
                jdbc.update("update eventstore.token_entry set processor_name = ?, owner = null where processor_name = ?",
                        target.live.getName(), target.shadowName);
                if (target.groups.isEmpty()) {
                    continue;
                }
                // The live letters are of the old tables; the rebuild's hold back what the new tables lack.
                String groups = String.join(", ", Collections.nCopies(target.groups.size(), "?"));
                jdbc.update("delete from eventstore.dead_letter_entry where processing_group in (" + groups + ")",
                        target.groups.toArray());
                List<String> moved = jdbc.queryForList("update eventstore.dead_letter_entry set processing_group = "
                        + "left(processing_group, -" + SHADOW_SUFFIX.length() + ") where processing_group in (" + groups
                        + ") returning processing_group", String.class,
                        target.groups.stream().map(g -> g + SHADOW_SUFFIX).toArray());
                if (!moved.isEmpty()) {
                    log.warn("The rebuild of {} holds back {} events in its dead-letter queue, as the live one did",
                            target.live.getName(), moved.size());
                }
            }
            return swap;
        });
    }

    /** A lock timeout or a deadlock: Spring leaves PostgreSQL's lock timeout (55P03) uncategorized. */
    private static boolean waitedForALock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static String retiredSchemaOf(Target target) {
        return target.shadowSchema + "_retired";
    }

    /**
     * The live processor went on after the shadow stopped: the events it handled meanwhile are in the live
     * tables, and a client may already have read them as its own writes. The shadow handles them too before
     * its tables replace the live ones, so no read ever sees a row go back to an older version.
     */
    private void catchUpWithLive(Rebuild rebuild) throws InterruptedException {
        for (Target target : rebuild.targets) {
            long live = storedPosition(target.live.getName());
            if (storedPosition(target.shadowName) < live) {
                target.shadow.start();
                try {
                    awaitOrFail(SWITCH_TIMEOUT, () -> runningPosition(target.shadow) >= live);
                } finally {
                    target.shadow.shutDown();
                }
            }
        }
    }

    /** What the last switch did in its transaction; for tests. */
    Optional<ShadowTables.Swap> lastSwap() {
        return Optional.ofNullable(lastSwap);
    }

    /**
     * The live processor and the shadow are brought to the same position, each stopped in turn
     * while the other catches up, so their tables describe the same events.
     */
    private Verification verify(Target target) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            long live = storedPosition(target.live.getName());
            long shadow = storedPosition(target.shadowName);
            if (live == shadow) {
                List<TableComparison> tables = shadows.compare(target.shadowSchema, target.tables).stream()
                        .map(c -> new TableComparison(c.table(), c.liveRows(), c.rebuiltRows(), c.liveChecksum(),
                                c.rebuiltChecksum(), c.identical()))
                        .toList();
                List<String> differing = tables.stream().filter(t -> !t.identical()).map(TableComparison::table).toList();
                return new Verification(Instant.now(), live, differing.isEmpty(), differing, tables);
            }
            StreamingEventProcessor behind = live < shadow ? target.live : target.shadow;
            long goal = Math.max(live, shadow);
            behind.start();
            try {
                awaitOrFail(SWITCH_TIMEOUT, () -> runningPosition(behind) >= goal);
            } finally {
                behind.shutDown();
            }
        }
        throw new IllegalStateException("Events kept arriving; the live tables and the rebuild never stood at the same event");
    }

    /** The tables a switch moved away; with a short lock timeout, as dropping them locks the live tables they point at. */
    private void dropRetired(Target target) {
        for (int attempt = 1; ; attempt++) {
            try {
                switchTransaction.executeWithoutResult(tx -> {
                    jdbc.execute("set local lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
                    shadows.dropRetired(retiredSchemaOf(target));
                });
                return;
            } catch (DataAccessException e) {
                if (!waitedForALock(e)) {
                    throw e;
                }
                if (attempt == SWITCH_ATTEMPTS) {
                    log.warn("The tables moved away by the switch stay in {} until the next rebuild", retiredSchemaOf(target), e);
                    return;
                }
            }
        }
    }

    private void cleanUp(Target target) {
        try {
            if (target.shadow != null) {
                target.shadow.shutDown();
            }
            target.executors.forEach(ExecutorService::shutdownNow);
            if (!target.live.isRunning() && running) {
                target.live.start();
            }
            deleteTokens(target.shadowName);
            deleteRebuildLetters(target);
            shadows.drop(target.shadowSchema);
            dropRetired(target);
        } catch (RuntimeException e) {
            log.error("Cleaning up after the rebuild of {} failed", target.live.getName(), e);
        }
    }

    private PooledStreamingEventProcessor shadowOf(Target target) {
        List<EventHandlerInvoker> invokers = new ArrayList<>();
        for (SimpleEventHandlerInvoker invoker : simpleInvokers(((AbstractEventProcessor) target.live).eventHandlerInvoker())) {
            invokers.add(shadowInvoker(invoker));
        }
        String name = target.live.getName();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(daemon(target.shadowName + "-coordinator"));
        ScheduledExecutorService workers = Executors.newSingleThreadScheduledExecutor(daemon(target.shadowName + "-worker"));
        target.executors.add(coordinator);
        target.executors.add(workers);
        InvokersByPayloadType byType = new InvokersByPayloadType(invokers);
        return PooledStreamingEventProcessor.builder()
                .name(target.shadowName)
                .eventHandlerInvoker(byType)
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(environment.getProperty(DeserializedAhead.PROPERTY, Boolean.class, false)
                        ? new DeserializedAhead(source, byType::canHandleType) : source)
                .tokenStore(tokenStore)
                .transactionManager(new ShadowWrites(new ProjectionCommits(axonTransactions, jdbc), jdbc, target.shadowSchema,
                        target.tables))
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(Math.max(1, environment.getProperty(
                        "axon.eventhandling.processors." + name + ".initial-segment-count", Integer.class, 1)))
                // Its own, larger batches: no request waits for a rebuild, and fewer commits measured 1.3-1.5x the rate.
                .batchSize(environment.getProperty("calalt.projections.rebuild-batch-size", Integer.class,
                        environment.getProperty("axon.eventhandling.processors." + name + ".batch-size", Integer.class, 100)))
                .initialToken(StreamableMessageSource::createTailToken)
                .build();
    }

    /**
     * The live group's handlers; with a rebuild queue of its own if the live group dead-letters, under
     * the same policy (the savepoints, and what counts as passing), else a failing event is retried.
     */
    private EventHandlerInvoker shadowInvoker(SimpleEventHandlerInvoker live) {
        String group = groupOf(live);
        Optional<EnqueuePolicy<EventMessage<?>>> policy = live instanceof DeadLetteringEventHandlerInvoker && group != null
                ? eventProcessing.deadLetterPolicy(group) : Optional.empty();
        if (policy.isEmpty()) {
            return SimpleEventHandlerInvoker.builder()
                    .eventHandlers(live.eventHandlers())
                    .sequencingPolicy(live.getSequencingPolicy())
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                    .build();
        }
        return DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(live.eventHandlers())
                .sequencingPolicy(live.getSequencingPolicy())
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .queue(JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(group + SHADOW_SUFFIX)
                        .connectionProvider(connectionProvider)
                        .transactionManager(axonTransactions)
                        .schema(deadLetterSchema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build())
                .enqueuePolicy(policy.get())
                .transactionManager(axonTransactions)
                // The rebuild queue starts empty, so an event costs no query for its sequence until one fails.
                .enableSequenceIdentifierCache()
                .build();
    }

    private static String groupOf(SimpleEventHandlerInvoker invoker) {
        for (EventMessageHandler handler : invoker.eventHandlers()) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(handler.getTargetType(), ProcessingGroup.class);
            if (group != null) {
                return group.value();
            }
        }
        return null;
    }

    private void deleteRebuildLetters(Target target) {
        for (String group : target.groups) {
            jdbc.update("delete from eventstore.dead_letter_entry where processing_group = ?", group + SHADOW_SUFFIX);
        }
    }

    private static List<SimpleEventHandlerInvoker> simpleInvokers(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(d -> simpleInvokers(d).stream()).toList();
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return List.of(simple);
        }
        throw new IllegalStateException("Cannot rebuild beside an invoker of type " + invoker.getClass().getName());
    }

    private static Set<String> groupsOf(StreamingEventProcessor processor) {
        Set<String> groups = new LinkedHashSet<>();
        if (processor instanceof AbstractEventProcessor abstractProcessor) {
            for (SimpleEventHandlerInvoker invoker : simpleInvokers(abstractProcessor.eventHandlerInvoker())) {
                for (EventMessageHandler handler : invoker.eventHandlers()) {
                    ProcessingGroup group = AnnotationUtils.findAnnotation(handler.getTargetType(), ProcessingGroup.class);
                    if (group != null) {
                        groups.add(group.value());
                    }
                }
            }
        }
        return groups;
    }

    /** Never goes back: once switched in, the shadow's token is the live processor's, and the shadow has none. */
    private long shadowPosition(Target target) {
        PooledStreamingEventProcessor shadow = target.shadow;
        long position = -1;
        if (shadow != null && shadow.isRunning()) {
            position = runningPosition(shadow);
        } else if (shadow != null) {
            try {
                position = storedPosition(target.shadowName);
            } catch (RuntimeException e) {
                log.debug("The rebuild's position is not known this time", e);
            }
        }
        synchronized (target) {
            target.furthest = Math.max(target.furthest, position);
            return target.furthest;
        }
    }

    /** The furthest-behind segment's position, -1 before it claimed any. */
    private static long runningPosition(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return -1;
        }
        return status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1L)).min().orElse(-1);
    }

    /** The position a stopped processor left in the token store: its furthest-behind segment. */
    private long storedPosition(String processor) {
        List<Long> positions = jdbc.query("select token, token_type from eventstore.token_entry where processor_name = ?",
                (rs, n) -> {
                    byte[] token = rs.getBytes(1);
                    if (token == null) {
                        return -1L;
                    }
                    TrackingToken tracking = serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, rs.getString(2), null));
                    return tracking == null ? -1L : tracking.position().orElse(-1L);
                }, processor);
        return positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private void deleteTokens(String processor) {
        jdbc.update("delete from eventstore.token_entry where processor_name = ?", processor);
    }

    /** Until every shadow reached the head; a shadow that keeps failing on an event fails the rebuild. */
    private void awaitBuilt(Rebuild rebuild) throws InterruptedException {
        Map<String, Long> failingSince = new LinkedHashMap<>();
        awaitOrFail(null, () -> {
            for (Target target : rebuild.targets) {
                Optional<EventTrackerStatus> failing = target.shadow.processingStatus().values().stream()
                        .filter(EventTrackerStatus::isErrorState).findFirst();
                if (failing.isEmpty()) {
                    failingSince.remove(target.shadowName);
                } else if (System.nanoTime() - failingSince.computeIfAbsent(target.shadowName, n -> System.nanoTime())
                        > SHADOW_FAILURE_LIMIT.toNanos()) {
                    Throwable error = failing.get().getError();
                    throw new IllegalStateException("The rebuild of " + target.live.getName() + " keeps failing: "
                            + (error == null ? "unknown error" : error.getMessage()), error);
                }
            }
            return rebuild.targets.stream().allMatch(t -> runningPosition(t.shadow) >= headPosition());
        });
    }

    private void awaitOrFail(Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (!running) {
                throw new IllegalStateException("The application is stopping");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not caught up within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private List<StreamingEventProcessor> replayable() {
        return eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset)
                .toList();
    }

    private long headPosition() {
        TrackingToken token = eventStore.createHeadToken();
        long position = token == null ? -1L : token.position().orElse(-1L);
        head = position;
        return position;
    }

    // --- progress: sampled in the background, so a status or a scrape costs no query of its own ---

    /** Events per second over the last ten seconds; 0 before two samples. */
    double rate(String processor) {
        Deque<Sample> window = samples.get(processor);
        if (window == null) {
            return 0;
        }
        Sample first;
        Sample last;
        synchronized (window) {
            if (window.size() < 2) {
                return 0;
            }
            first = window.peekFirst();
            last = window.peekLast();
        }
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        return seconds <= 0 ? 0 : Math.round(Math.max(0, last.position() - first.position()) / seconds * 10) / 10.0;
    }

    /** The last sampled lag of each live processor, in events and in seconds. */
    Map<String, double[]> lags() {
        Map<String, double[]> lags = new LinkedHashMap<>();
        for (StreamingEventProcessor processor : replayable()) {
            Deque<Sample> window = samples.get(processor.getName());
            Sample last = window == null ? null : window.peekLast();
            double events = last == null ? Double.NaN : Math.max(0, head - last.position());
            lags.put(processor.getName(), new double[] {events, lagSeconds.getOrDefault(processor.getName(), Double.NaN)});
        }
        return lags;
    }

    List<String> processorNames() {
        return replayable().stream().map(StreamingEventProcessor::getName).toList();
    }

    /** Called on the sampling thread with the names of the replayable processors after each sample. */
    void onEachSample(Consumer<List<String>> listener) {
        sampleListeners.add(listener);
    }

    private void sample() {
        try {
            long now = headPosition();
            long nanos = System.nanoTime();
            for (StreamingEventProcessor processor : replayable()) {
                long position = runningPosition(processor);
                if (processor.isRunning() && position >= 0) {
                    record(processor.getName(), nanos, position);
                }
                lagSeconds.put(processor.getName(), position >= now ? 0.0 : ageOfEventAfter(position));
                Rebuild rebuild = rebuilds.get(processor.getName());
                if (rebuild != null && rebuild.active()) {
                    rebuild.targets.stream().filter(t -> t.shadow != null && t.shadow.isRunning())
                            .forEach(t -> record(t.shadowName, nanos, runningPosition(t.shadow)));
                }
            }
            List<String> names = processorNames();
            sampleListeners.forEach(listener -> listener.accept(names));
        } catch (RuntimeException e) {
            if (!sampleFailedBefore) {
                sampleFailedBefore = true;
                log.warn("Projection progress not sampled this time; later failures are logged at debug", e);
            } else {
                log.debug("Projection progress not sampled this time", e);
            }
        }
    }

    private void record(String name, long nanos, long position) {
        Deque<Sample> window = samples.computeIfAbsent(name, n -> new ArrayDeque<>());
        synchronized (window) {
            window.addLast(new Sample(nanos, position));
            while (window.size() > 2 && nanos - window.peekFirst().nanos() > RATE_WINDOW.toNanos()) {
                window.removeFirst();
            }
        }
    }

    private double ageOfEventAfter(long position) {
        List<String> stamps = jdbc.queryForList("select time_stamp from eventstore.domain_event_entry "
                + "where global_index > ? order by global_index limit 1", String.class, position);
        if (stamps.isEmpty()) {
            return 0.0;
        }
        return Math.max(0, Duration.between(Instant.parse(stamps.get(0)), Instant.now()).toMillis() / 1000.0);
    }

    @Override
    public void start() {
        running = true;
        sampler.scheduleWithFixedDelay(this::sample, 0, sampleInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        sampler.shutdownNow();
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first, before Axon's processors and the database: a rebuild under way is abandoned, its shadow dropped. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
