package com.calcomalt.platform.axon;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * A pooled processor's source whose events come out already deserialized. The event store hands out
 * events whose payload is read from JSON only when a handler first asks for it: on the processor's
 * worker thread, between one batch's commit and the next batch's writes. The coordinator thread reads
 * the next events while the worker writes the current batch, so reading the JSON there lets the two
 * overlap instead of taking turns. Only payloads of types the processor handles are read (the others
 * never would be), and neither metadata nor timestamps, which no projector asks for. A payload that
 * cannot be read is left unread, to fail on the worker as before, where the processor's error
 * handling and dead letters see it.
 */
public final class DeserializedAhead implements StreamableMessageSource<TrackedEventMessage<?>> {

    /**
     * {@code true}: pooled processors read their events through this. Off by default: on the shared 2-core
     * machine it took 6 µs per event off the projecting thread but added 27 on the coordinator (README, Benchmarks).
     */
    public static final String PROPERTY = "calalt.eventprocessing.deserialize-ahead";

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final Predicate<Class<?>> handled;

    public DeserializedAhead(StreamableMessageSource<TrackedEventMessage<?>> delegate, Predicate<Class<?>> handled) {
        this.delegate = delegate;
        this.handled = handled;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new ReadingStream(delegate.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(java.time.Duration duration) {
        return delegate.createTokenSince(duration);
    }

    private void deserialize(TrackedEventMessage<?> event) {
        try {
            if (handled.test(event.getPayloadType())) {
                event.getPayload();
            }
        } catch (RuntimeException e) {
            // Read again, and failing there, on the worker thread (see above).
        }
    }

    private final class ReadingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;

        private ReadingStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = stream.nextAvailable();
            deserialize(event);
            return event;
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return stream.asStream().peek(DeserializedAhead.this::deserialize);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
