package com.calcomalt.platform.axon;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The event store as the source of pooled streaming processors, telling them as soon as new events
 * are stored. Axon's embedded store gives its streams no such callback, so a pooled processor
 * would look for new events only every half second; here one watcher tails the store (woken by
 * local commits and by the store's polling for other processes' events) and wakes every stream.
 */
public class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread watcher;

    public PromptEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public synchronized void start() {
        running = true;
        watcher = new Thread(this::watch, "event-availability");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
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

    /** Stops before the processors do, and starts after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }

    private void watch() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> probe = eventStore.openStream(eventStore.createHeadToken())) {
                while (running) {
                    if (probe.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (probe.hasNextAvailable()) {
                            probe.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Watching for new events failed; trying again in a second", e);
                    sleepQuietly();
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A processor's stream. Once closed it reads nothing more and lets go of the store's stream: Axon's
     * closed stream opens a stream of its own again when asked, and a stopped pooled processor keeps
     * its last stream, which could otherwise also keep its place in the store's cache of events.
     */
    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private volatile BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private PromptStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Runnable previous = callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            callback = onAvailable;
            callbacks.add(onAvailable);
            return true;
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return delegate.asStream();
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            BlockingStream<TrackedEventMessage<?>> closing = delegate;
            delegate = Closed.STREAM;
            closing.close();
        }
    }

    /** What a closed stream reads from: nothing. */
    private enum Closed implements BlockingStream<TrackedEventMessage<?>> {
        STREAM;

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("The stream is closed");
        }

        @Override
        public void close() {
        }
    }
}
