package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class ProjectionWatermarkTest {

    @Test
    void an_event_below_the_position_is_not_handled_while_the_token_keeps_it_as_a_gap() {
        // Event 10's transaction committed after event 11's: the processor has seen 11, not yet 10.
        GapAwareTrackingToken seenEleven = GapAwareTrackingToken.newInstance(11, Set.of(10L));
        assertThat(ProjectionWatermark.covers(seenEleven, 11)).isTrue();
        assertThat(ProjectionWatermark.covers(seenEleven, 10)).as("a gap is not handled yet").isFalse();
        assertThat(ProjectionWatermark.covers(seenEleven, 12)).isFalse();
        assertThat(ProjectionWatermark.covers(seenEleven.advanceTo(10, 100), 10)).isTrue();
    }

    @Test
    void an_old_gap_below_does_not_hold_back_a_later_event() {
        // Index 3 was taken by a transaction that rolled back: it stays a gap until Axon drops it.
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(20, Set.of(3L));
        assertThat(token.covers(GapAwareTrackingToken.newInstance(15, Set.of())))
                .as("Axon's covers would wait for the gap").isFalse();
        assertThat(ProjectionWatermark.covers(token, 15)).isTrue();
    }

    @Test
    void a_replaying_processor_has_handled_what_its_replay_has_reached() {
        GapAwareTrackingToken head = GapAwareTrackingToken.newInstance(50, Set.of());
        GapAwareTrackingToken reached = GapAwareTrackingToken.newInstance(20, Set.of());
        var replaying = ReplayToken.createReplayToken(head, reached);
        assertThat(ProjectionWatermark.covers(replaying, 20)).isTrue();
        assertThat(ProjectionWatermark.covers(replaying, 21)).isFalse();
    }
}
