package com.calcomalt.contracts.automation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the event type's whole AI phone call configuration; configurationId is used when there is none yet. */
public record ConfigureAIPhoneCall(int eventTypeId, int configurationId, AIPhoneCallSettings settings) implements TargetsAIPhoneCallConfiguration {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AIPhoneCallConfigurationIds.aggregateId(eventTypeId);
    }
}
