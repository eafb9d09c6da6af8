package com.calcomalt.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rethrows every handler failure, so the event is neither skipped nor lost. A streaming processor
 * then releases its segment and retries with back-off; the failure is logged here with the event it
 * is stuck on. In a subscribing processor the failure rolls back the command, which reports it itself.
 */
public class LogAndPropagateErrorHandler implements ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LogAndPropagateErrorHandler.class);

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler) throws Exception {
        if (event instanceof TrackedEventMessage<?> tracked) {
            log.error("{} failed on {} (event {}, position {}); the processor stops here and retries",
                    eventHandler.getTargetType().getSimpleName(), event.getPayloadType().getSimpleName(),
                    event.getIdentifier(), tracked.trackingToken().position().orElse(-1), exception);
        }
        throw exception;
    }
}
