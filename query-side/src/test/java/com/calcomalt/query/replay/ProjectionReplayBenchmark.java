package com.calcomalt.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserLocked;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.query.support.QuerySideTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How fast the cal.com processor projects and replays: users' lives of four events each, through
 * the real processor into {@code users}, once as they arrive and once as a replay of everything.
 * {@code -Dbench.users=N} sets how many users.
 */
@Tag("benchmark")
class ProjectionReplayBenchmark extends QuerySideTest {

    @Test
    void projects_and_replays_users() {
        int users = Integer.getInteger("bench.users", 5_000);
        Instant at = Instant.parse("2026-11-01T09:00:00Z");
        long start = System.nanoTime();
        for (int i = 0; i < users; i++) {
            int userId = uniqueId();
            publish("User", UserIds.aggregateId(userId),
                    new UserRegistered(userId, UUID.randomUUID(), "b" + userId + "@example.com", "b" + userId,
                            "B " + i, "Europe/Berlin", "Monday", "en", 24, IdentityProvider.CAL, null,
                            CreationSource.api_v2, at),
                    new UserProfileUpdated(userId, "c" + userId, "C " + i, "bio " + i, "Asia/Tokyo", "Sunday",
                            "ja", 12, null, "#000000", null, null, null, true, false, Map.of("i", i), at),
                    new UserEmailChanged(userId, "b" + userId + "@example.com", "c" + userId + "@example.com", at),
                    new UserLocked(userId, at));
        }
        awaitCaughtUp();
        double live = users * 4 / seconds(start);

        long events = projections.status().headPosition() + 1;
        start = System.nanoTime();
        assertThat(projections.replayAll()).contains("calcom-projections");
        awaitCaughtUp();
        double replay = events / seconds(start);

        System.out.printf("BENCHMARK cal.com projections, %d user events as they arrive: %.0f events/s%n", users * 4, live);
        System.out.printf("BENCHMARK cal.com projections, replay of %d events: %.0f events/s%n", events, replay);
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> projections.status().processors().stream().allMatch(ProjectionReplay.ProcessorStatus::caughtUp));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
