package com.calcomalt.command.support;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Adds to a command, inside its transaction, what its aggregate decides with but cannot know
 * itself, as metadata: the facts are read in the same transaction that appends the events.
 */
public abstract class CommandFacts implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Caller caller = command.getMetaData().get(CallerMetaData.CALLER) instanceof Caller c ? c : null;
        Map<String, Object> facts = factsFor(command.getPayload(), caller);
        if (!facts.isEmpty()) {
            unitOfWork.transformMessage(message -> message.andMetaData(MetaData.from(facts)));
        }
        return chain.proceed();
    }

    /** The facts for this command by metadata key; {@code caller} is null for a command the system sends. */
    protected abstract Map<String, Object> factsFor(Object command, Caller caller);
}
