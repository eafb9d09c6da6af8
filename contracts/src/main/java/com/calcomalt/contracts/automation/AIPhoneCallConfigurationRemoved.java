package com.calcomalt.contracts.automation;

import org.axonframework.serialization.Revision;

/** The event type has no AI phone call configuration any more. */
@Revision("1")
public record AIPhoneCallConfigurationRemoved(int eventTypeId, int configurationId) {
}
