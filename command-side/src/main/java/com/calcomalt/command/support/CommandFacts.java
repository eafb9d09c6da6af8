package com.calcomalt.command.support;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Adds to a command, inside its transaction, what its aggregate decides with but cannot know
 * itself, as metadata: the facts are read in the same transaction that appends the events.
 * <p>
 * A subclass says once per kind of command how its facts are found. A kind is what the command
 * targets, as an interface from contracts ({@code TargetsBooking}, {@code TargetsMembership}, ...),
 * so a new command gets its facts by implementing it; or a single command whose facts are its own.
 */
public abstract class CommandFacts implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final List<Kind<?>> kinds = new ArrayList<>();

    /** Every command of this kind gets the facts the resolver adds; a command of several kinds gets each kind's. */
    protected final <C> void resolve(Class<C> kind, Resolver<? super C> resolver) {
        kinds.add(new Kind<>(kind, resolver));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Facts facts = new Facts(command.getMetaData());
        kinds.forEach(kind -> kind.addFacts(command.getPayload(), facts));
        if (!facts.added.isEmpty()) {
            unitOfWork.transformMessage(message -> message.andMetaData(MetaData.from(facts.added)));
        }
        return chain.proceed();
    }

    @FunctionalInterface
    protected interface Resolver<C> {

        void addFacts(C command, Facts facts);
    }

    private record Kind<C>(Class<C> type, Resolver<? super C> resolver) {

        void addFacts(Object payload, Facts facts) {
            if (type.isInstance(payload)) {
                resolver.addFacts(type.cast(payload), facts);
            }
        }
    }

    /** The facts gathered for one command, and what it was sent with. */
    public static final class Facts {

        private final MetaData sentWith;
        private final Caller caller;
        private final Map<String, Object> added = new HashMap<>();

        Facts(MetaData sentWith) {
            this.sentWith = sentWith;
            this.caller = sentWith.get(CallerMetaData.CALLER) instanceof Caller c ? c : null;
        }

        /** Who sent the command; null for a command the system sends. */
        public Caller caller() {
            return caller;
        }

        public MetaData sentWith() {
            return sentWith;
        }

        public void put(String key, Object value) {
            added.put(key, value);
        }
    }
}
