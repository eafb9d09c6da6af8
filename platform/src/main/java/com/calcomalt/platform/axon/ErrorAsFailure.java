package com.calcomalt.platform.axon;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch that failed, rethrown as Axon's default does, but an {@link Error} as an exception that
 * carries it. A pooled processor's work package catches exceptions only: an Error thrown out of its
 * batch left the package unfinished for good, without a word in the log, so its segment was never
 * processed again and the coordinator, which waits for every package to finish before it retries
 * after a failure, never ran again. As an exception it is logged, the segment released and the batch
 * retried with back-off, as any other failure.
 */
public class ErrorAsFailure implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorAsFailure.class);

    @Override
    public void handleError(ErrorContext errorContext) throws Exception {
        Throwable failure = errorContext.error();
        if (failure instanceof Exception exception) {
            throw exception;
        }
        log.error("Processor {} failed on a batch of {} events with an Error; it retries the batch",
                errorContext.eventProcessor(), errorContext.failedEvents().size(), failure);
        throw new EventProcessingException("An Error occurred while handling a batch of events", failure);
    }
}
