package com.calcomalt.command.automation;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The planner starts at the head of the event store the first time it runs: bookings made before
 * reminders existed get none, instead of every NEW_EVENT reminder of the past being sent at once.
 * From then on its token is stored, so a restart goes on where it stopped.
 */
@Configuration
class ReminderPlannerConfiguration {

    @Bean
    ConfigurerModule reminderPlannerStartsAtTheHead() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                ReminderPlanner.PROCESSING_GROUP,
                (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }
}
