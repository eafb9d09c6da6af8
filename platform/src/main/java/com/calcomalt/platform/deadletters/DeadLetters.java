package com.calcomalt.platform.deadletters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an operator does with dead letters: see them, retry them after a fix, or evict a sequence
 * that can never be handled (its events are then skipped by that one processing group).
 */
public class DeadLetters {

    private final EventProcessingConfiguration eventProcessing;
    private final DeadLetteringGroups groups;
    private final Savepoints savepoints;
    private final JdbcTemplate jdbc;

    public DeadLetters(EventProcessingConfiguration eventProcessing, DeadLetteringGroups groups, Savepoints savepoints,
                       JdbcTemplate jdbc) {
        this.eventProcessing = eventProcessing;
        this.groups = groups;
        this.savepoints = savepoints;
        this.jdbc = jdbc;
    }

    /** One aggregate's events that a processing group holds back: the first one failed, the rest wait behind it. */
    public record DeadLetterSequence(String processingGroup, String sequenceIdentifier, int letters,
                                     String aggregateType, String aggregateIdentifier, long firstSequenceNumber,
                                     String firstEventType, String firstEventIdentifier, String enqueuedAt,
                                     String lastTouched, String causeType, String causeMessage) {
    }

    /** {@code retried}: letters handled and evicted; {@code remaining}: letters still queued. */
    public record RetryOutcome(int retried, int remaining) {
    }

    public List<DeadLetterSequence> sequences() {
        return jdbc.query("""
                select d.processing_group, d.sequence_identifier, n.letters, d.type, d.aggregate_identifier,
                       d.sequence_number, d.payload_type, d.event_identifier, d.enqueued_at, d.last_touched,
                       d.cause_type, d.cause_message
                from eventstore.dead_letter_entry d
                join (select processing_group, sequence_identifier, count(*) as letters, min(sequence_index) as first
                      from eventstore.dead_letter_entry group by processing_group, sequence_identifier) n
                  on n.processing_group = d.processing_group and n.sequence_identifier = d.sequence_identifier
                 and n.first = d.sequence_index
                order by d.enqueued_at, d.processing_group, d.sequence_identifier""",
                (rs, i) -> new DeadLetterSequence(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12)));
    }

    /** Letters per processing group, for health and metrics. */
    public Map<String, Integer> countsByGroup() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("""
                select processing_group, count(*) from eventstore.dead_letter_entry
                group by processing_group order by processing_group""",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    public int count() {
        Integer count = jdbc.queryForObject("select count(*) from eventstore.dead_letter_entry", Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * Hands every sequence to its handlers again, in passes: a letter may wait for a row that a
     * letter of another group writes (a membership for its user), so passes go on while any pass
     * succeeds. A sequence that fails again stays queued with its new cause.
     */
    public RetryOutcome retryAll() {
        int before = count();
        boolean progress = true;
        for (int pass = 0; progress && pass < 10; pass++) {
            progress = false;
            // A letter may fail again: only a savepoint keeps that from failing the whole retry.
            savepoints.turnOnAfterFailure();
            for (Map.Entry<String, Integer> group : countsByGroup().entrySet()) {
                SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group.getKey());
                if (processor == null) {
                    continue;
                }
                long sequences = sequenceCount(group.getKey());
                for (long i = 0; i < sequences; i++) {
                    processor.processAny();
                }
                progress |= countsByGroup().getOrDefault(group.getKey(), 0) < group.getValue();
            }
        }
        int after = count();
        return new RetryOutcome(Math.max(0, before - after), after);
    }

    /** Evicts one sequence; its events are not handled by that group. False when there was none. */
    public boolean evict(String processingGroup, String sequenceIdentifier) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        if (queue == null || !queue.contains(sequenceIdentifier)) {
            return false;
        }
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceIdentifier).forEach(letters::add);
        letters.forEach(queue::evict);
        return true;
    }

    private long sequenceCount(String processingGroup) {
        Long count = jdbc.queryForObject("""
                select count(distinct sequence_identifier) from eventstore.dead_letter_entry
                where processing_group = ?""", Long.class, processingGroup);
        return count == null ? 0 : count;
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String processingGroup) {
        return groups.contains(processingGroup)
                ? eventProcessing.sequencedDeadLetterProcessor(processingGroup).orElse(null) : null;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return groups.contains(processingGroup)
                ? eventProcessing.deadLetterQueue(processingGroup).orElse(null) : null;
    }
}
