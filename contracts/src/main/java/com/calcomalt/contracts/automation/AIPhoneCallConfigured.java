package com.calcomalt.contracts.automation;

import org.axonframework.serialization.Revision;

/** The event type's AI phone call configuration as it is now, complete. */
@Revision("1")
public record AIPhoneCallConfigured(int eventTypeId, int configurationId, AIPhoneCallSettings settings) {
}
