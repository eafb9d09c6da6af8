package com.calcomalt.query.automation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of cal.com's {@code AIPhoneCallConfiguration} table, every column. */
@Entity
@Table(name = "AIPhoneCallConfiguration")
class AIPhoneCallConfigurationRow {

    @Id
    int id;
    int eventTypeId;
    String generalPrompt;
    String yourPhoneNumber;
    String numberToCall;
    String guestName;
    boolean enabled = false;
    String beginMessage;
    String llmId;
    String guestCompany;
    String guestEmail;
    String schedulerName;
    String templateType = "CUSTOM_TEMPLATE";

    protected AIPhoneCallConfigurationRow() {
        // for JPA
    }
}
