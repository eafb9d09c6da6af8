package com.calcomalt.query.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the projections from the event store: each processor that supports a reset (those
 * with side effects such as sending mail opt out with {@code @DisallowReplay}) is shut down, its
 * tables are cleared by its projectors' reset handlers in the transaction that resets its tokens,
 * and it starts again from the first event.
 */
@Component
public class ProjectionReplay {

    private final EventProcessingConfiguration eventProcessing;
    private final EventStore eventStore;

    public ProjectionReplay(EventProcessingConfiguration eventProcessing, EventStore eventStore) {
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
    }

    public record SegmentStatus(long position, boolean replaying, boolean error) {
    }

    public record ProcessorStatus(String name, boolean running, boolean caughtUp, Map<Integer, SegmentStatus> segments) {
    }

    /** {@code caughtUp}: every segment has handled every event stored when the status was taken. */
    public record Status(long headPosition, List<ProcessorStatus> processors) {
    }

    public synchronized List<String> replayAll() {
        List<String> replayed = new ArrayList<>();
        for (StreamingEventProcessor processor : replayable()) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            replayed.add(processor.getName());
        }
        return replayed;
    }

    public Status status() {
        long head = position(eventStore.createHeadToken());
        List<ProcessorStatus> processors = new ArrayList<>();
        for (StreamingEventProcessor processor : replayable()) {
            Map<Integer, SegmentStatus> segments = new TreeMap<>();
            boolean caughtUp = processor.isRunning();
            for (Map.Entry<Integer, EventTrackerStatus> entry : processor.processingStatus().entrySet()) {
                EventTrackerStatus status = entry.getValue();
                long position = status.getCurrentPosition().orElse(-1L);
                segments.put(entry.getKey(), new SegmentStatus(position, status.isReplaying(), status.isErrorState()));
                caughtUp &= position >= head && !status.isErrorState();
            }
            caughtUp &= !segments.isEmpty() || head < 0;
            processors.add(new ProcessorStatus(processor.getName(), processor.isRunning(), caughtUp, segments));
        }
        return new Status(head, processors);
    }

    private List<StreamingEventProcessor> replayable() {
        return eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset)
                .toList();
    }

    private static long position(TrackingToken token) {
        return token == null ? -1L : token.position().orElse(-1L);
    }
}
