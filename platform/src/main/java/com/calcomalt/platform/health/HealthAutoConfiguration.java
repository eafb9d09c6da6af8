package com.calcomalt.platform.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
public class HealthAutoConfiguration {

    @Bean
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration eventProcessing) {
        return new EventProcessorsHealthIndicator(eventProcessing);
    }
}
