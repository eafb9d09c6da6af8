package com.calcomalt.platform.health;

import com.calcomalt.platform.axon.LiveNodes;
import com.calcomalt.platform.axon.SegmentSplitter;
import com.calcomalt.platform.config.NodeName;
import com.calcomalt.platform.security.ApiKeyOwners;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

@AutoConfiguration
public class HealthAutoConfiguration {

    @Bean
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration eventProcessing,
                                                                  @Value(NodeName.PROPERTY) String nodeName,
                                                                  ObjectProvider<LiveNodes> liveNodes,
                                                                  ObjectProvider<SegmentSplitter> splitter) {
        return new EventProcessorsHealthIndicator(eventProcessing, NodeName.of(nodeName), liveNodes.getIfAvailable(),
                splitter.getIfAvailable());
    }

    @Bean
    BootstrapAdministratorHealthIndicator bootstrapAdministratorHealthIndicator(
            @Value("${calalt.bootstrap-api-key:}") String apiKey, JdbcTemplate jdbc,
            ObjectProvider<ProjectedApiKeys> readModels) {
        return new BootstrapAdministratorHealthIndicator(apiKey, new ApiKeyOwners(jdbc),
                readModels.orderedStream().toList());
    }
}
