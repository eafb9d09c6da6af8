package com.calcomalt.platform.axon;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A client that changes something and then reads it expects to see its change. Only commands of a
 * request wait: the system's own commands (jobs, processors) have nobody waiting for them. After a command
 * commits, the caller waits (boundedly) until the projection processors have handled every event
 * stored so far, read from their tokens in the database, so this works whether the projectors run
 * in this process or in another one. A command inside a larger transaction does not wait: its
 * events are not visible to anyone before that transaction commits.
 */
public class ReadYourWrites implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final List<String> processors;
    private final Duration timeout;

    public ReadYourWrites(JdbcTemplate jdbc, Serializer serializer, List<String> processors, Duration timeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processors = processors;
        this.timeout = timeout;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.isRoot() && !processors.isEmpty() && RequestContextHolder.getRequestAttributes() != null) {
            unitOfWork.afterCommit(u -> {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    awaitProjections();
                }
            });
        }
        return chain.proceed();
    }

    /** @return whether the projections caught up within the timeout */
    public boolean awaitProjections() {
        Long head = jdbc.queryForObject("select max(global_index) from eventstore.domain_event_entry", Long.class);
        if (head == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Long> positions = positions();
            if (positions.isEmpty() || positions.stream().allMatch(p -> p >= head)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                log.debug("Projections at {} did not reach event {} within {}", positions, head, timeout);
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
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
