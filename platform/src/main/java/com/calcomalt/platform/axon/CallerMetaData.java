package com.calcomalt.platform.axon;

import com.calcomalt.contracts.identity.Caller;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import com.calcomalt.platform.security.Callers;

/**
 * The caller travels with each command as metadata: the {@link Caller} itself for the handlers,
 * and its user id, which is also copied onto the events the command causes so the history says
 * who did what.
 */
public final class CallerMetaData {

    public static final String CALLER = "caller";
    public static final String CALLER_USER_ID = "callerUserId";

    private CallerMetaData() {
    }

    public static MetaData of(Caller caller) {
        return MetaData.with(CALLER, caller).and(CALLER_USER_ID, caller.userId());
    }

    /** Adds the request's caller to commands sent without one. */
    public static class DispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, message) -> message.getMetaData().containsKey(CALLER) ? message
                    : Callers.current().<CommandMessage<?>>map(caller -> message.andMetaData(of(caller))).orElse(message);
        }
    }
}
