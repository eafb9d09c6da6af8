package com.calcomalt.contracts.automation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveAIPhoneCallConfiguration(int eventTypeId) implements TargetsAIPhoneCallConfiguration {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AIPhoneCallConfigurationIds.aggregateId(eventTypeId);
    }
}
