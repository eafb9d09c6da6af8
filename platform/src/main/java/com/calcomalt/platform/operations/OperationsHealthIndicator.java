package com.calcomalt.platform.operations;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The last operations counts and the connection pool as health details. Always UP: lag and failed
 * deliveries are warnings for an operator, and taking a node out of service would not fix them; what
 * must take it out (a stopped processor, no database) already says DOWN elsewhere.
 */
class OperationsHealthIndicator extends AbstractHealthIndicator {

    private final OperationsCounts counts;
    private final HikariDataSource pool;

    /** {@code pool} may be null: a DataSource that is not Hikari's has no pool details. */
    OperationsHealthIndicator(OperationsCounts counts, HikariDataSource pool) {
        super("Operations cannot be shown");
        this.counts = counts;
        this.pool = pool;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OperationsCounts.Snapshot snapshot = counts.last();
        builder.up().withDetail("countedAt", snapshot.countedAt() == null ? "not yet" : snapshot.countedAt().toString());
        Map<String, Object> processors = new LinkedHashMap<>();
        snapshot.processors().forEach((name, lag) -> processors.put(name,
                Map.of("lag", lag.lag(), "segmentsHere", lag.segments())));
        builder.withDetail("eventStoreHead", snapshot.head()).withDetail("processorLag", processors);
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        for (OperationsCount count : counts.declared()) {
            Long value = snapshot.counts().get(count);
            groups.computeIfAbsent(count.group(), g -> new LinkedHashMap<>())
                    .put(count.key(), value == null ? "not counted" : value);
        }
        groups.forEach(builder::withDetail);
        HikariPoolMXBean bean = pool == null ? null : pool.getHikariPoolMXBean();
        if (bean != null) {
            builder.withDetail("databasePool", Map.of("active", bean.getActiveConnections(),
                    "idle", bean.getIdleConnections(), "pending", bean.getThreadsAwaitingConnection(),
                    "max", pool.getMaximumPoolSize()));
        }
    }
}
