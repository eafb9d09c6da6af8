package com.calcomalt.platform.deadletters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code calalt.dead.letters}, one gauge per dead-lettering processing group, for an alert on any
 * value above zero; read from the last background count.
 */
class DeadLetterMetrics implements MeterBinder {

    private final DeadLetterCounts counts;
    private final DeadLetteringGroups groups;

    DeadLetterMetrics(DeadLetterCounts counts, DeadLetteringGroups groups) {
        this.counts = counts;
        this.groups = groups;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : groups.names()) {
            Gauge.builder("calalt.dead.letters", counts, c -> c.last().byGroup().getOrDefault(group, 0))
                    .description("Events held back in a processing group's dead-letter queue")
                    .tag("processing_group", group)
                    .register(registry);
        }
    }
}
