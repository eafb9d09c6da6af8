package com.calcomalt.query.replay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReplayConfiguration {

    /** Lets a rebuilding processor's statements reach its shadow schema (see ShadowWrites). */
    @Bean
    HibernatePropertiesCustomizer shadowWritesInspector() {
        return properties -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, ShadowWrites.INSPECTOR);
    }

    /**
     * Per processor, from the progress sampled every second: {@code calalt.projection.lag.events} and
     * {@code .lag.seconds} (the age of the oldest event not yet handled), {@code calalt.projection.events.rate},
     * and while a rebuild or verify runs {@code calalt.projection.rebuild.progress} (0 to 1; NaN when none)
     * and {@code calalt.projection.rebuild.events.rate}.
     */
    @Bean
    MeterBinder projectionMetrics(ProjectionReplay replay) {
        return registry -> {
            gauge(registry, replay, "calalt.projection.lag.events", "events", "Events stored and not yet handled by the processor",
                    name -> replay.lags().getOrDefault(name, new double[] {Double.NaN, Double.NaN})[0]);
            gauge(registry, replay, "calalt.projection.lag.seconds", "seconds", "Age of the oldest event the processor has not handled",
                    name -> replay.lags().getOrDefault(name, new double[] {Double.NaN, Double.NaN})[1]);
            gauge(registry, replay, "calalt.projection.events.rate", null, "Events handled per second, last ten seconds",
                    replay::rate);
            gauge(registry, replay, "calalt.projection.rebuild.progress", null,
                    "Share of the event store a rebuild under way has handled (0 to 1); NaN when none runs",
                    name -> replay.rebuildOf(name).filter(r -> r.state() == ProjectionReplay.State.BUILDING
                                    || r.state() == ProjectionReplay.State.SWITCHING)
                            .map(r -> r.percent() / 100.0).orElse(Double.NaN));
            gauge(registry, replay, "calalt.projection.rebuild.events.rate", null,
                    "Events a rebuild under way handles per second",
                    name -> replay.rebuildOf(name).map(ProjectionReplay.RebuildStatus::eventsPerSecond).orElse(0.0));
        };
    }

    /** Rows follow the processors, which Axon registers after the meters are bound. */
    private static void gauge(MeterRegistry registry, ProjectionReplay replay, String name, String unit, String description,
                              ToDoubleFunction<String> value) {
        MultiGauge gauge = MultiGauge.builder(name).description(description).baseUnit(unit).register(registry);
        AtomicReference<List<String>> registered = new AtomicReference<>(List.of());
        replay.onEachSample(processors -> {
            if (!registered.getAndSet(processors).equals(processors)) {
                gauge.register(processors.stream()
                        .map(processor -> MultiGauge.Row.of(Tags.of("processor", processor),
                                () -> value.applyAsDouble(processor)))
                        .toList(), true);
            }
        });
    }
}
