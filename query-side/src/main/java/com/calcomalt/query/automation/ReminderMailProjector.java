package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.PendingBookingReminderSent;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code ReminderMail} table: one row per reminder a host was sent about a booking awaiting confirmation. */
@Component
@ProcessingGroup("calcom.ReminderMail")
class ReminderMailProjector {

    private final EntityManager entityManager;

    ReminderMailProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(PendingBookingReminderSent event) {
        entityManager.createNativeQuery("""
                insert into "ReminderMail" ("id", "referenceId", "reminderType", "elapsedMinutes", "createdAt")
                values (:id, :bookingId, cast(:type as "ReminderType"), :minutes, :createdAt)
                on conflict ("id") do nothing""")
                .setParameter("id", event.reminderMailId())
                .setParameter("bookingId", event.bookingId())
                .setParameter("type", event.reminderType().name())
                .setParameter("minutes", event.elapsedMinutes())
                .setParameter("createdAt", event.createdAt())
                .executeUpdate();
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"ReminderMail\"").executeUpdate();
    }
}
