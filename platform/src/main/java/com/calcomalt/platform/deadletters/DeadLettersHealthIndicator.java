package com.calcomalt.platform.deadletters;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Dead letters as a health detail, from the last background count. They leave the status UP:
 * every other aggregate's events are handled, so taking the node out of service would hurt every
 * tenant for the sake of one.
 */
class DeadLettersHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetterCounts counts;

    DeadLettersHealthIndicator(DeadLetterCounts counts) {
        super("Dead letters cannot be counted");
        this.counts = counts;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        DeadLetterCounts.Snapshot snapshot = counts.last();
        builder.up()
                .withDetail("total", snapshot.total())
                .withDetail("byProcessingGroup", snapshot.byGroup())
                .withDetail("countedAt", snapshot.countedAt() == null ? "not yet" : snapshot.countedAt().toString());
    }
}
