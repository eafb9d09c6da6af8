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
import com.calcomalt.query.support.PoisonableProjector;
import com.calcomalt.query.support.QuerySideTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectionReplayTest extends QuerySideTest {

    @Test
    void a_replay_rebuilds_the_users_table_identically() {
        Instant at = Instant.parse("2026-03-29T01:30:00.250Z");
        for (int i = 0; i < 25; i++) {
            int userId = uniqueId();
            publish("User", UserIds.aggregateId(userId),
                    new UserRegistered(userId, UUID.randomUUID(), "r" + userId + "@example.com", "r" + userId,
                            "R " + i, "Europe/Berlin", "Monday", "en", 24, IdentityProvider.CAL, null,
                            CreationSource.api_v2, at.plusSeconds(i)));
            if (i % 2 == 0) {
                publish("User", UserIds.aggregateId(userId),
                        new UserEmailChanged(userId, "r" + userId + "@example.com", "s" + userId + "@example.com", at),
                        new UserProfileUpdated(userId, "s" + userId, "S " + i, "bio " + i, "Asia/Tokyo", "Sunday",
                                "ja", 12, null, "#000000", null, null, null, true, false, Map.of("i", i), at));
            }
            if (i % 3 == 0) {
                publish("User", UserIds.aggregateId(userId), new UserLocked(userId, at));
            }
        }
        awaitProjectionsCaughtUp();
        List<String> before = rowsAsJson("users");
        assertThat(before).hasSizeGreaterThanOrEqualTo(25);

        assertThat(projections.replayAll()).contains("calcom-projections");
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsAsJson("users").size() == before.size());
        awaitProjectionsCaughtUp();

        assertThat(rowsAsJson("users")).containsExactlyElementsOf(before);
    }

    @Test
    void a_failing_projector_holds_its_processor_at_the_event_and_resumes_without_skipping_it() {
        PoisonableProjector.failing = true;
        try {
            int attemptsBefore = PoisonableProjector.attempts.get();
            int poisonRow = uniqueId();
            publish("Test", "poison:" + poisonRow, new PoisonableProjector.Poison(poisonRow, UUID.randomUUID(), Instant.now()));
            int userId = uniqueId();
            publish("User", UserIds.aggregateId(userId), new UserRegistered(userId, UUID.randomUUID(),
                    "after-poison-" + userId + "@example.com", "after-" + userId, null, "UTC", "Monday", null, 12,
                    IdentityProvider.CAL, null, CreationSource.api_v2, Instant.now()));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> PoisonableProjector.attempts.get() >= attemptsBefore + 2);
            assertThat(count(poisonRow)).as("what the failing batch wrote is rolled back with its token").isZero();
            assertThat(count(userId)).as("the event after the failing one waits").isZero();
            assertThat(projections.status().processors()).anyMatch(p -> !p.caughtUp());

            PoisonableProjector.failing = false;
            awaitProjectionsCaughtUp();
            assertThat(count(poisonRow)).isEqualTo(1);
            assertThat(count(userId)).isEqualTo(1);
        } finally {
            PoisonableProjector.failing = false;
        }
    }

    private int count(int userId) {
        return jdbc.queryForObject("select count(*) from users where id = ?", Integer.class, userId);
    }
}
