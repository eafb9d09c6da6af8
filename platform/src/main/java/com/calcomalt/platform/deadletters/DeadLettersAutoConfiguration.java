package com.calcomalt.platform.deadletters;

import com.calcomalt.platform.axon.AxonOnPostgresAutoConfiguration;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No event can stop a processor for everyone: a handler that fails on an event sends that event,
 * and the later events of the same aggregate, to its group's dead-letter queue on PostgreSQL
 * ({@code eventstore.dead_letter_entry}); every other aggregate's events go on. Operators see the
 * letters in health, metrics and {@code /v2/admin/dead-letters}, and retry or evict them there.
 */
@AutoConfiguration(after = AxonOnPostgresAutoConfiguration.class)
public class DeadLettersAutoConfiguration {

    @Bean
    DeadLetteringGroups deadLetteringGroups(ListableBeanFactory beans, Environment environment) {
        return DeadLetteringGroups.of(beans, environment);
    }

    @Bean
    Savepoints savepoints(@Value("${calalt.dead-letters.savepoints-after-failure:60s}") Duration afterAFailure) {
        return new Savepoints(afterAFailure);
    }

    @Bean
    BatchedRows batchedRows(Savepoints savepoints, JdbcTemplate jdbc,
                            ObjectProvider<EntityManagerFactory> entityManagerFactory,
                            @Value("${calalt.projections.rows-per-insert:250}") int rowsPerInsert) {
        return new BatchedRows(savepoints, jdbc, entityManagerFactory, rowsPerInsert);
    }

    @Bean
    AtomicEventHandlers atomicEventHandlers(DeadLetteringGroups groups, Savepoints savepoints,
                                            ObjectProvider<DataSource> dataSource,
                                            ObjectProvider<EntityManagerFactory> entityManagerFactory,
                                            BatchedRows batchedRows) {
        return new AtomicEventHandlers(groups, savepoints, dataSource, entityManagerFactory, batchedRows);
    }

    /**
     * Sequenced as the group's processor orders its events: per aggregate (Axon's default policy) unless
     * its {@code sequencing-policy} says otherwise (payments go per booking). The sequence cache saves a query per event
     * while a group has no letters; a replay clears the group's letters with its tables.
     */
    @Bean
    ConfigurerModule deadLettersPerAggregate(DeadLetteringGroups groups, Savepoints savepoints,
                                            ConnectionProvider connectionProvider, DeadLetterSchema schema) {
        return configurer -> {
            EventProcessingConfigurer eventProcessing = configurer.eventProcessing();
            eventProcessing.registerDefaultDeadLetterPolicy(c -> new DeadLetterPolicy(savepoints));
            for (String group : groups.names()) {
                eventProcessing.registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connectionProvider)
                        .transactionManager(c.getComponent(TransactionManager.class))
                        .schema(schema)
                        .genericSerializer(c.serializer())
                        .eventSerializer(c.eventSerializer())
                        .build());
                eventProcessing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (c, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true));
            }
        };
    }

    @Bean
    DeadLetters deadLetters(EventProcessingConfiguration eventProcessing, DeadLetteringGroups groups,
                            Savepoints savepoints, JdbcTemplate jdbc) {
        return new DeadLetters(eventProcessing, groups, savepoints, jdbc);
    }

    @Bean
    DeadLetterCounts deadLetterCounts(DeadLetters deadLetters,
                                      @Value("${calalt.dead-letters.count-interval:5s}") Duration interval) {
        return new DeadLetterCounts(deadLetters, interval);
    }

    @Bean
    DeadLettersHealthIndicator deadLettersHealthIndicator(DeadLetterCounts counts) {
        return new DeadLettersHealthIndicator(counts);
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(DeadLetterCounts counts, DeadLetteringGroups groups) {
        return new DeadLetterMetrics(counts, groups);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(DeadLettersController.class)
    static class Web {
    }
}
