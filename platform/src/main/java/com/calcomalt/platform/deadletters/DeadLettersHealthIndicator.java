package com.calcomalt.platform.deadletters;

import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Dead letters as a health detail. They leave the status UP: every other aggregate's events are
 * handled, so taking the node out of service would hurt every tenant for the sake of one.
 */
class DeadLettersHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetters deadLetters;

    DeadLettersHealthIndicator(DeadLetters deadLetters) {
        super("Dead letters cannot be counted");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Integer> byGroup = deadLetters.countsByGroup();
        builder.up()
                .withDetail("total", byGroup.values().stream().mapToInt(Integer::intValue).sum())
                .withDetail("byProcessingGroup", byGroup);
    }
}
