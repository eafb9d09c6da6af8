package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.CustomInput;
import com.calcomalt.contracts.scheduling.EventTypeCustomInputsSet;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code EventTypeCustomInput} table. */
@Component
@ProcessingGroup("calcom.EventTypeCustomInput")
class EventTypeCustomInputProjector {

    private final EntityManager entityManager;

    EventTypeCustomInputProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(EventTypeCustomInputsSet event) {
        entityManager.createQuery("delete from EventTypeCustomInputRow i where i.eventTypeId = :id")
                .setParameter("id", event.eventTypeId()).executeUpdate();
        for (CustomInput input : event.customInputs()) {
            EventTypeCustomInputRow row = new EventTypeCustomInputRow();
            row.id = input.id();
            row.eventTypeId = event.eventTypeId();
            row.label = input.label();
            row.required = input.required();
            row.type = input.type();
            row.placeholder = input.placeholder();
            row.options = input.options();
            entityManager.persist(row);
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"EventTypeCustomInput\"").executeUpdate();
    }
}
