package com.calcomalt.contracts.automation;

/** The AIPhoneCallConfiguration columns; templateType is cal.com's CUSTOM_TEMPLATE unless said otherwise. */
public record AIPhoneCallSettings(String generalPrompt, String yourPhoneNumber, String numberToCall, String guestName,
                                  Boolean enabled, String beginMessage, String llmId, String guestCompany,
                                  String guestEmail, String schedulerName, String templateType) {
}
