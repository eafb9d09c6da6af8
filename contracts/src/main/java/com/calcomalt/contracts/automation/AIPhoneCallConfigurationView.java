package com.calcomalt.contracts.automation;

public record AIPhoneCallConfigurationView(int id, int eventTypeId, AIPhoneCallSettings settings) {
}
