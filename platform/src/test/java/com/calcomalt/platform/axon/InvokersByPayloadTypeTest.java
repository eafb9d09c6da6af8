package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

class InvokersByPayloadTypeTest {

    record BookingMade(String uid) {
    }

    record UserRenamed(String name) {
    }

    private final List<String> handled = new ArrayList<>();

    class Bookings {
        @EventHandler
        void on(BookingMade event) {
            handled.add("bookings " + event.uid());
        }
    }

    class Users {
        @EventHandler
        void on(UserRenamed event) {
            handled.add("users " + event.name());
        }
    }

    /** Sees every event, as a group with a handler of Object would. */
    class Audit {
        @EventHandler
        void on(Object event) {
            handled.add("audit " + event.getClass().getSimpleName());
        }
    }

    @DisallowReplay
    class Mailer {
        @EventHandler
        void on(BookingMade event) {
            handled.add("mailer " + event.uid());
        }
    }

    private static EventHandlerInvoker group(Object handler) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(handler).build();
    }

    private final InvokersByPayloadType invokers = new InvokersByPayloadType(
            List.of(group(new Audit()), group(new Bookings()), group(new Users()), group(new Mailer())));

    @Test
    void an_event_reaches_exactly_the_groups_that_handle_its_type_in_their_order() throws Exception {
        invokers.handle(GenericEventMessage.asEventMessage(new BookingMade("b1")), Segment.ROOT_SEGMENT);
        invokers.handle(GenericEventMessage.asEventMessage(new UserRenamed("Ann")), Segment.ROOT_SEGMENT);

        assertThat(handled).containsExactly("audit BookingMade", "bookings b1", "mailer b1", "audit UserRenamed", "users Ann");
    }

    @Test
    void a_type_no_group_handles_is_refused_before_any_event_is_read() {
        InvokersByPayloadType bookingsOnly = new InvokersByPayloadType(List.of(group(new Bookings())));

        assertThat(bookingsOnly.canHandleType(UserRenamed.class)).isFalse();
        assertThat(bookingsOnly.canHandleType(BookingMade.class)).isTrue();
        assertThat(bookingsOnly.canHandle(GenericEventMessage.asEventMessage(new UserRenamed("Ann")), Segment.ROOT_SEGMENT))
                .isFalse();
    }

    @Test
    void a_replayed_event_skips_the_groups_that_disallow_replay() throws Exception {
        GlobalSequenceTrackingToken position = new GlobalSequenceTrackingToken(5);
        EventMessage<?> replayed = new GenericTrackedEventMessage<>(
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), position),
                GenericEventMessage.asEventMessage(new BookingMade("b2")));

        invokers.handle(replayed, Segment.ROOT_SEGMENT);

        assertThat(handled).containsExactly("audit BookingMade", "bookings b2");
    }
}
