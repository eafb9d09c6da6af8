package com.calcomalt.platform.health;

import com.calcomalt.platform.axon.LiveNodes;
import com.calcomalt.platform.axon.SegmentSplitter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Each event processor's state: DOWN when one stopped or keeps failing on an event, with the
 * position of every segment so a lagging or stuck projection is visible.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration eventProcessing;
    private final String nodeName;
    private final LiveNodes liveNodes;
    private final SegmentSplitter splitter;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration eventProcessing, String nodeName,
                                          LiveNodes liveNodes, SegmentSplitter splitter) {
        super("Event processors are unavailable");
        this.eventProcessing = eventProcessing;
        this.nodeName = nodeName;
        this.liveNodes = liveNodes;
        this.splitter = splitter;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> processors = new LinkedHashMap<>();
        for (var entry : eventProcessing.eventProcessors().entrySet()) {
            var processor = entry.getValue();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("error", processor.isError());
            healthy &= processor.isRunning() && !processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<String, Object> segments = new LinkedHashMap<>();
                for (Map.Entry<Integer, EventTrackerStatus> segment : streaming.processingStatus().entrySet()) {
                    EventTrackerStatus status = segment.getValue();
                    Map<String, Object> segmentDetails = new LinkedHashMap<>();
                    segmentDetails.put("position", status.getCurrentPosition().orElse(-1L));
                    segmentDetails.put("caughtUp", status.isCaughtUp());
                    segmentDetails.put("replaying", status.isReplaying());
                    segmentDetails.put("error", status.isErrorState());
                    segments.put(String.valueOf(segment.getKey()), segmentDetails);
                    healthy &= !status.isErrorState();
                }
                // processingStatus() holds only the segments this node has claimed in the token store.
                details.put("claimedSegments", List.copyOf(streaming.processingStatus().keySet()));
                if (liveNodes != null) {
                    details.put("fairShare", liveNodes.getMaxSegments(entry.getKey()));
                    // Across all nodes; below the configured count until SegmentSplitter has split them.
                    liveNodes.segmentsInStore(entry.getKey()).ifPresent(count -> details.put("totalSegments", count));
                }
                if (splitter != null) {
                    splitter.configuredSegments(entry.getKey())
                            .ifPresent(count -> details.put("configuredSegments", count));
                }
                details.put("segments", segments);
            }
            processors.put(entry.getKey(), details);
        }
        builder.status(healthy ? "UP" : "DOWN").withDetail("node", nodeName);
        if (liveNodes != null) {
            builder.withDetail("liveNodes", liveNodes.names());
        }
        builder.withDetail("processors", processors);
    }
}
