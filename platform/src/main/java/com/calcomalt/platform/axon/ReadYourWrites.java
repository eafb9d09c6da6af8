package com.calcomalt.platform.axon;

import com.calcomalt.platform.database.DatabaseUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A client that changes something and then reads it expects to see its change. Only commands of a
 * request wait: the system's own commands (jobs, processors) have nobody waiting for them. The
 * events a request's commands publish are noted as they are published; once a command has
 * committed and the request is handled (its unit of work finished and the aggregate's lock
 * released, so that other commands need not wait too), {@link Filter} holds the response back
 * (boundedly) until the projection processors have handled those events, and only those: events
 * others store meanwhile are not waited for. The {@link ProjectionWatermark} tells when, whether the
 * projectors run in this process or in another one. A command inside a larger transaction notes
 * nothing: its events are not visible to anyone before that transaction commits.
 *
 * <p>The wait is capped ({@code timeout}) for a projector that is alive but behind: the write is
 * stored, and its answer should not hang on a slow read side. When the node running a projection
 * processor has died, though, nobody projects until another node takes its segment over; a capped
 * answer then would be read as missing. So past the cap a request waits on, up to {@code
 * failoverTimeout} in all, when {@link LiveNodes#lostTheirNode} says that a node running a projection
 * processor died lately (its database session ended, or it stopped beating): until the node that took
 * the processor over has caught up with its events.
 */
public class ReadYourWrites implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final String WRITTEN = ReadYourWrites.class.getName() + ".written";
    private static final String PUBLISHED = ReadYourWrites.class.getName() + ".published";
    private static final String COMMITTED_AT = ReadYourWrites.class.getName() + ".committedAt";

    private final JdbcTemplate jdbc;
    private final ProjectionWatermark watermark;
    private final Duration timeout;
    private final Duration failoverTimeout;
    private final LiveNodes liveNodes;
    private final Timer visibility;

    /**
     * @param registry where {@code calalt.read.your.writes.visibility} goes: from a request's first command
     *                 committing until its answer goes with the events projected, an upper bound of the
     *                 command-to-query visibility (it includes the time the answer takes to make)
     */
    public ReadYourWrites(JdbcTemplate jdbc, ProjectionWatermark watermark, Duration timeout, MeterRegistry registry) {
        this(jdbc, watermark, timeout, timeout, null, registry);
    }

    /**
     * @param failoverTimeout how long in all a request waits when the projections' node died: above the
     *                        time another node takes them over
     * @param liveNodes       who is alive; none, and the cap is all
     */
    public ReadYourWrites(JdbcTemplate jdbc, ProjectionWatermark watermark, Duration timeout, Duration failoverTimeout,
                          LiveNodes liveNodes, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.watermark = watermark;
        this.timeout = timeout;
        this.failoverTimeout = failoverTimeout;
        this.liveNodes = liveNodes;
        this.visibility = Timer.builder("calalt.read.your.writes.visibility")
                .description("From a request's command committing until its answer goes, its events projected")
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (unitOfWork.isRoot() && !watermark.processors().isEmpty() && request != null) {
            List<String> published = new ArrayList<>();
            unitOfWork.resources().put(PUBLISHED, published);
            unitOfWork.afterCommit(u -> {
                if (!published.isEmpty() && !TransactionSynchronizationManager.isActualTransactionActive()) {
                    written(request).addAll(published);
                    if (request.getAttribute(COMMITTED_AT, RequestAttributes.SCOPE_REQUEST) == null) {
                        request.setAttribute(COMMITTED_AT, System.nanoTime(), RequestAttributes.SCOPE_REQUEST);
                    }
                }
            });
        }
        return chain.proceed();
    }

    @SuppressWarnings("unchecked")
    private static List<String> written(RequestAttributes request) {
        List<String> written = (List<String>) request.getAttribute(WRITTEN, RequestAttributes.SCOPE_REQUEST);
        if (written == null) {
            written = new ArrayList<>();
            request.setAttribute(WRITTEN, written, RequestAttributes.SCOPE_REQUEST);
        }
        return written;
    }

    /**
     * Notes the identifiers of the events a request's command publishes, also those its command's
     * subscribing handlers publish in the same unit of work.
     */
    public MessageDispatchInterceptor<EventMessage<?>> eventsOfTheRequest() {
        return events -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> {
                List<String> published = unitOfWork.root().getResource(PUBLISHED);
                if (published != null) {
                    events.forEach(event -> published.add(event.getIdentifier()));
                }
            });
            return (index, event) -> event;
        };
    }

    /** Lets a request's response go once the projections have caught up with what the request wrote. */
    public class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (HttpMethod.GET.matches(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, held);
                @SuppressWarnings("unchecked")
                List<String> written = (List<String>) request.getAttribute(WRITTEN);
                if (written != null) {
                    awaitProjectionsUnlessDatabaseGone(written);
                    visibility.record(System.nanoTime() - (Long) request.getAttribute(COMMITTED_AT),
                            TimeUnit.NANOSECONDS);
                }
            } finally {
                held.copyBodyToResponse();
            }
        }
    }

    /**
     * The command has committed, so its answer is the truth even when the database goes away before
     * the projections are seen to catch up: answering 503 would invite a retry of a write that happened.
     */
    private void awaitProjectionsUnlessDatabaseGone(List<String> eventIdentifiers) {
        try {
            awaitProjections(eventIdentifiers);
        } catch (DataAccessException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            log.warn("Answering a committed command without waiting for the projections: {}",
                    e.getMostSpecificCause().getMessage());
        }
    }

    /**
     * Waits for the events with these identifiers, by the global indexes the store gave them.
     *
     * @return whether the projections handled them within the timeout
     */
    public boolean awaitProjections(List<String> eventIdentifiers) {
        long[] globalIndexes = jdbc.queryForList(
                        "select global_index from eventstore.domain_event_entry where event_identifier = any (?)",
                        Long.class, (Object) eventIdentifiers.toArray(String[]::new))
                .stream().mapToLong(Long::longValue).toArray();
        if (globalIndexes.length == 0) {
            return true;
        }
        try {
            if (await(globalIndexes)) {
                return true;
            }
            log.debug("Projections did not reach events {} within {}", Arrays.toString(globalIndexes), timeout);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Up to the cap; past it only while the projections' node is dead and another will take them over. */
    boolean await(long[] globalIndexes) throws InterruptedException {
        long began = System.nanoTime();
        if (watermark.await(globalIndexes, timeout)) {
            return true;
        }
        if (!projectionsLostTheirNode()) {
            return false;
        }
        // Also once another node has taken them: it starts cold, from the dead one's token.
        long left = began + failoverTimeout.toNanos() - System.nanoTime();
        return left > 0 && watermark.await(globalIndexes, Duration.ofNanos(left));
    }

    /** Not knowing counts as no: then the cap holds, as before there was a way to tell. */
    private boolean projectionsLostTheirNode() {
        if (liveNodes == null) {
            return false;
        }
        try {
            return liveNodes.lostTheirNode(watermark.processors(), failoverTimeout);
        } catch (DataAccessException e) {
            log.debug("Could not tell whether the projections have a live node: {}", e.getMessage());
            return false;
        }
    }
}
