package com.calcomalt.query.projections;

import com.calcomalt.platform.axon.ProjectionCommits;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * cal.com's tables reference each other by foreign keys (a membership needs its user and team).
 * Their projectors therefore share one processor that reads the event stream in order, so a row
 * is always written after the rows it points at. Each projector keeps its own processing group,
 * named "calcom." plus its table, its own reset handler and its own dead-letter queue (a failing
 * event holds back only its aggregate, and only in that table). Each handler's rows are flushed
 * after it runs (see the platform's AtomicEventHandlers), so rows are written in event order; a
 * {@code @Batched} handler's rows wait for the batch's end, or for the next handler that is not
 * batched, and are then written table by table in the order of their foreign keys (BatchedRows).
 */
@Configuration
public class CalcomProjectionsConfiguration {

    public static final String PROCESSOR = "calcom-projections";
    public static final String GROUP_PREFIX = "calcom.";

    @Bean
    ConfigurerModule calcomProjectorsShareOneOrderedProcessor() {
        return configurer -> configurer.eventProcessing()
                .assignProcessingGroup(group -> group.startsWith(GROUP_PREFIX) ? PROCESSOR : group);
    }

    /** Its commits do not wait for the disk: what a crash loses is projected again (see ProjectionCommits). */
    @Bean
    ConfigurerModule calcomProjectionsCommitWithoutWaitingForTheDisk(ObjectProvider<JdbcTemplate> jdbc) {
        return configurer -> configurer.eventProcessing().registerTransactionManager(PROCESSOR,
                configuration -> new ProjectionCommits(configuration.getComponent(TransactionManager.class), jdbc.getObject()));
    }
}
