package com.calcomalt.platform.axon;

import jakarta.annotation.Nonnull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;

/**
 * A processor's processing groups, offered only the events of the payload types they handle. Axon's
 * {@link MultiEventHandlerInvoker} asks every group of the processor, twice per event, whether it
 * handles the event, and first whether it supports a reset (a stream over its handlers each time):
 * with the ~60 groups of the cal.com projections that was 25% of the projecting thread's CPU, for an
 * answer that depends on the payload type alone. Here it is looked up once per type; a group that
 * cannot handle the type cannot handle the event, so the remaining per-event check (handler
 * parameters, segment) is asked only of the groups that may. Groups keep their order.
 */
public class InvokersByPayloadType extends MultiEventHandlerInvoker {

    private record Candidate(EventHandlerInvoker invoker, boolean supportsReset) {
    }

    private final List<Candidate> all;
    private final Map<Class<?>, Candidate[]> byType = new ConcurrentHashMap<>();

    public InvokersByPayloadType(List<EventHandlerInvoker> delegates) {
        super(delegates);
        List<Candidate> candidates = new ArrayList<>();
        for (EventHandlerInvoker invoker : delegates()) {
            candidates.add(new Candidate(invoker, invoker.supportsReset()));
        }
        this.all = List.copyOf(candidates);
    }

    private Candidate[] candidates(Class<?> payloadType) {
        return byType.computeIfAbsent(payloadType, type -> all.stream()
                .filter(candidate -> candidate.invoker().canHandleType(type)).toArray(Candidate[]::new));
    }

    @Override
    public boolean canHandle(@Nonnull EventMessage<?> eventMessage, @Nonnull Segment segment) {
        for (Candidate candidate : candidates(eventMessage.getPayloadType())) {
            if (offered(candidate, eventMessage, segment)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canHandleType(@Nonnull Class<?> payloadType) {
        return candidates(payloadType).length > 0;
    }

    @Override
    public void handle(@Nonnull EventMessage<?> message, @Nonnull Segment segment) throws Exception {
        for (Candidate candidate : candidates(message.getPayloadType())) {
            if (offered(candidate, message, segment)) {
                candidate.invoker().handle(message, segment);
            }
        }
    }

    /** As Axon's: a group that does not support a reset is not given a replayed event. */
    private static boolean offered(Candidate candidate, EventMessage<?> message, Segment segment) {
        return (candidate.supportsReset() || !ReplayToken.isReplay(message))
                && candidate.invoker().canHandle(message, segment);
    }
}
