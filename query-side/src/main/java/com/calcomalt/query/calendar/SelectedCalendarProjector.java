package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.CalendarDeselected;
import com.calcomalt.contracts.calendar.CalendarSelected;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code SelectedCalendar} table: the calendars whose busy times block a user's slots. */
@Component
@ProcessingGroup("calcom.SelectedCalendar")
class SelectedCalendarProjector {

    private final EntityManager entityManager;

    SelectedCalendarProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(CalendarSelected event) {
        Rows.write(entityManager, SelectedCalendarRow.class, event.selectedCalendarId(), SelectedCalendarRow::new,
                row -> {
                    row.id = event.selectedCalendarId();
                    row.userId = event.userId();
                    row.integration = event.integration();
                    row.externalId = event.externalId();
                    row.credentialId = event.credentialId();
                    row.eventTypeId = event.eventTypeId();
                    row.createdAt = event.selectedAt();
                    row.updatedAt = event.selectedAt();
                });
    }

    @EventHandler
    void on(CalendarDeselected event) {
        Rows.delete(entityManager, SelectedCalendarRow.class, event.selectedCalendarId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"SelectedCalendar\"").executeUpdate();
    }
}
