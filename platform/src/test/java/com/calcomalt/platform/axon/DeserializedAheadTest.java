package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class DeserializedAheadTest {

    record BookingMade(String uid) {
    }

    record UserRenamed(String name) {
    }

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void the_events_of_handled_types_come_out_of_the_stream_already_read_and_the_others_stay_unread() throws Exception {
        Stored booking = stored(1, BookingMade.class, "{\"uid\":\"b-1\"}");
        Stored rename = stored(2, UserRenamed.class, "{\"name\":\"Ann\"}");
        DeserializedAhead source = new DeserializedAhead(new Source(List.of(booking.event(), rename.event())),
                BookingMade.class::equals);

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            TrackedEventMessage<?> first = stream.nextAvailable();
            TrackedEventMessage<?> second = stream.nextAvailable();

            assertThat(booking.reads().get()).isEqualTo(1);
            assertThat(rename.reads().get()).isZero();
            assertThat(first.getPayload()).isEqualTo(new BookingMade("b-1"));
            assertThat(second.getPayload()).isEqualTo(new UserRenamed("Ann"));
            assertThat(booking.reads().get()).as("read once, ahead").isEqualTo(1);
            assertThat(rename.reads().get()).isEqualTo(1);
        }
    }

    @Test
    void a_payload_that_cannot_be_read_is_handed_on_unread_to_fail_where_the_handler_asks_for_it() throws Exception {
        Stored broken = stored(1, BookingMade.class, "{\"uid\":");
        DeserializedAhead source = new DeserializedAhead(new Source(List.of(broken.event())), type -> true);

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            TrackedEventMessage<?> event = stream.nextAvailable();

            assertThat(event).isSameAs(broken.event());
            assertThatThrownBy(event::getPayload).isInstanceOf(RuntimeException.class);
            assertThat(broken.reads().get()).isEqualTo(2);
        }
    }

    /** An event as the event store hands it out, its payload JSON read when first asked for; {@code reads} counts the readings. */
    private record Stored(TrackedEventMessage<?> event, AtomicInteger reads) {
    }

    private Stored stored(long index, Class<?> type, String json) {
        AtomicInteger reads = new AtomicInteger();
        SimpleSerializedType serializedType = new SimpleSerializedType(type.getName(), null);
        LazyDeserializingObject<Object> payload = new LazyDeserializingObject<>(() -> {
            reads.incrementAndGet();
            return new SimpleSerializedObject<>(json, String.class, serializedType);
        }, serializedType, serializer);
        LazyDeserializingObject<MetaData> metaData = new LazyDeserializingObject<>(
                new SimpleSerializedObject<>("{}", String.class, MetaData.class.getName(), null), serializer);
        return new Stored(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                new SerializedMessage<>("event-" + index, payload, metaData), () -> Instant.parse("2027-01-04T09:00:00Z")), reads);
    }

    /** A source of the given events, all available at once. */
    private record Source(List<TrackedEventMessage<?>> events) implements StreamableMessageSource<TrackedEventMessage<?>> {

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            Deque<TrackedEventMessage<?>> remaining = new ArrayDeque<>(events);
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return Optional.ofNullable(remaining.peek());
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    return !remaining.isEmpty();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    return remaining.poll();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
