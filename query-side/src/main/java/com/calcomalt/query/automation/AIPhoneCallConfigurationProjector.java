package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.AIPhoneCallConfigurationRemoved;
import com.calcomalt.contracts.automation.AIPhoneCallConfigured;
import com.calcomalt.contracts.automation.AIPhoneCallSettings;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code AIPhoneCallConfiguration} table: one row per configured event type. */
@Component
@ProcessingGroup("calcom.AIPhoneCallConfiguration")
class AIPhoneCallConfigurationProjector {

    private final EntityManager entityManager;

    AIPhoneCallConfigurationProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(AIPhoneCallConfigured event) {
        Rows.write(entityManager, AIPhoneCallConfigurationRow.class, event.configurationId(),
                AIPhoneCallConfigurationRow::new, row -> {
                    AIPhoneCallSettings s = event.settings();
                    row.id = event.configurationId();
                    row.eventTypeId = event.eventTypeId();
                    row.generalPrompt = s.generalPrompt();
                    row.yourPhoneNumber = s.yourPhoneNumber();
                    row.numberToCall = s.numberToCall();
                    row.guestName = s.guestName();
                    row.enabled = s.enabled();
                    row.beginMessage = s.beginMessage();
                    row.llmId = s.llmId();
                    row.guestCompany = s.guestCompany();
                    row.guestEmail = s.guestEmail();
                    row.schedulerName = s.schedulerName();
                    row.templateType = s.templateType();
                });
    }

    @EventHandler
    void on(AIPhoneCallConfigurationRemoved event) {
        Rows.delete(entityManager, AIPhoneCallConfigurationRow.class, event.configurationId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"AIPhoneCallConfiguration\"").executeUpdate();
    }
}
