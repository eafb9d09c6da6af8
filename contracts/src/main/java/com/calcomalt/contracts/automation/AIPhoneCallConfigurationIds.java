package com.calcomalt.contracts.automation;

/** An event type has at most one AI phone call configuration: its stream is "ai-phone-call:{eventTypeId}". */
public final class AIPhoneCallConfigurationIds {

    private AIPhoneCallConfigurationIds() {
    }

    public static String aggregateId(int eventTypeId) {
        return "ai-phone-call:" + eventTypeId;
    }
}
