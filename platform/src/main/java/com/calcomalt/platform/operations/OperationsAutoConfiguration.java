package com.calcomalt.platform.operations;

import com.calcomalt.platform.axon.AxonOnPostgresAutoConfiguration;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator's view: processor lag and the counts the contexts declare ({@link OperationsCount}),
 * as {@code calalt.*} gauges and as the {@code operations} health component.
 */
@AutoConfiguration(after = AxonOnPostgresAutoConfiguration.class)
public class OperationsAutoConfiguration {

    @Bean
    OperationsCounts operationsCounts(EventProcessingConfiguration eventProcessing, EventStore eventStore,
                                      JdbcTemplate jdbc, ObjectProvider<OperationsCount> declared,
                                      @Value("${calalt.operations.count-interval:15s}") Duration interval) {
        return new OperationsCounts(eventProcessing, eventStore, jdbc, declared.orderedStream().toList(), interval);
    }

    @Bean
    OperationsMetrics operationsMetrics(OperationsCounts counts) {
        return new OperationsMetrics(counts);
    }

    @Bean
    OperationsHealthIndicator operationsHealthIndicator(OperationsCounts counts, ObjectProvider<DataSource> dataSource) {
        return new OperationsHealthIndicator(counts, hikari(dataSource.getIfAvailable()));
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
