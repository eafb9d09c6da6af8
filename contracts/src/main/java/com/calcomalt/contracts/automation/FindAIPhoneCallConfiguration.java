package com.calcomalt.contracts.automation;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<AIPhoneCallConfigurationView>}: empty when there is none the caller may see. */
public record FindAIPhoneCallConfiguration(int eventTypeId, Caller caller) {
}
