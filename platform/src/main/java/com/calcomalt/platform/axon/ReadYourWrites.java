package com.calcomalt.platform.axon;

import com.calcomalt.platform.database.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
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
 * request wait: the system's own commands (jobs, processors) have nobody waiting for them. A
 * committed command marks its request; once the request is handled (its unit of work finished and
 * the aggregate's lock released, so that other commands need not wait too), {@link Filter} holds
 * the response back (boundedly) until the projection processors have handled every event stored
 * so far, read from their tokens in the database, so this works whether the projectors run in this
 * process or in another one. A command inside a larger transaction marks nothing: its events are
 * not visible to anyone before that transaction commits.
 */
public class ReadYourWrites implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final String WRITTEN = ReadYourWrites.class.getName() + ".written";
    private static final long POLL_MILLIS = 2;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final List<String> processors;
    private final Duration timeout;
    private final Watermark watermark = new Watermark();

    public ReadYourWrites(JdbcTemplate jdbc, Serializer serializer, List<String> processors, Duration timeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processors = processors;
        this.timeout = timeout;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (unitOfWork.isRoot() && !processors.isEmpty() && request != null) {
            unitOfWork.afterCommit(u -> {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    request.setAttribute(WRITTEN, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
                }
            });
        }
        return chain.proceed();
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
                if (request.getAttribute(WRITTEN) != null) {
                    awaitProjectionsUnlessDatabaseGone();
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
    private void awaitProjectionsUnlessDatabaseGone() {
        try {
            awaitProjections();
        } catch (DataAccessException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            log.warn("Answering a committed command without waiting for the projections: {}",
                    e.getMostSpecificCause().getMessage());
        }
    }

    /** @return whether the projections caught up within the timeout */
    public boolean awaitProjections() {
        Long head = jdbc.queryForObject("select max(global_index) from eventstore.domain_event_entry", Long.class);
        if (head == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (watermark.reached(head)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                log.debug("Projections did not reach event {} within {}", head, timeout);
                return false;
            }
            try {
                watermark.refresh();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * How far the slowest projection processor has come, shared by every waiting request: one of them
     * reads the tokens at a time and the others take its answer, so a hundred waiting requests cost the
     * database one small query every couple of milliseconds, not a hundred.
     */
    private final class Watermark {
        private long position = -1;
        private boolean reading;

        synchronized boolean reached(long head) {
            return position >= head;
        }

        void refresh() throws InterruptedException {
            synchronized (this) {
                if (reading) {
                    wait(POLL_MILLIS);
                    return;
                }
                reading = true;
            }
            long read = -1;
            try {
                Thread.sleep(POLL_MILLIS);
                List<Long> positions = positions();
                read = positions.isEmpty() ? Long.MAX_VALUE : positions.stream().min(Long::compare).orElse(-1L);
            } finally {
                synchronized (this) {
                    position = Math.max(position, read);
                    reading = false;
                    notifyAll();
                }
            }
        }
    }

    private List<Long> positions() {
        return jdbc.query("""
                select token, token_type from eventstore.token_entry
                where processor_name = any (?) and token is not null""",
                (rs, i) -> position(rs.getBytes(1), rs.getString(2)),
                (Object) processors.toArray(String[]::new));
    }

    private long position(byte[] token, String type) {
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
        return tracking.position().orElse(-1L);
    }
}
