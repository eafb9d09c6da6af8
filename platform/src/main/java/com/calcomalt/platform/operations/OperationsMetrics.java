package com.calcomalt.platform.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;

/**
 * The gauges of {@link OperationsCounts}, read from its last count: {@code calalt.processor.lag}
 * per processor, and one gauge per declared {@link OperationsCount}. NaN until a count succeeded.
 */
class OperationsMetrics implements MeterBinder {

    private final OperationsCounts counts;

    OperationsMetrics(OperationsCounts counts) {
        this.counts = counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OperationsCount count : counts.declared()) {
            Gauge.builder(count.meter(), counts, c -> value(c.last().counts(), count))
                    .description(count.description())
                    .tags(count.tags())
                    .register(registry);
        }
        // Axon starts its processors after the registry binds its meters: rows follow the counts.
        MultiGauge lag = MultiGauge.builder("calalt.processor.lag")
                .description("Events between the head of the event store and the furthest-behind segment "
                        + "of a processor that this node runs")
                .register(registry);
        counts.onEachCount(snapshot -> lag.register(snapshot.processors().keySet().stream()
                .map(name -> MultiGauge.Row.of(Tags.of("processor", name), counts, c -> lagOf(c, name)))
                .toList(), true));
    }

    private static double value(Map<OperationsCount, Long> counts, OperationsCount count) {
        Long value = counts.get(count);
        return value == null ? Double.NaN : value;
    }

    private static double lagOf(OperationsCounts counts, String processor) {
        OperationsCounts.ProcessorLag lag = counts.last().processors().get(processor);
        return lag == null ? Double.NaN : lag.lag();
    }
}
