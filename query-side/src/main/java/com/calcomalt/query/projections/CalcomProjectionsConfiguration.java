package com.calcomalt.query.projections;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * cal.com's tables reference each other by foreign keys (a membership needs its user and team).
 * Their projectors therefore share one processor that reads the event stream in order, so a row
 * is always written after the rows it points at. Each projector keeps its own processing group,
 * named "calcom." plus its table, and its own reset handler.
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
}
