package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.ScheduleDeleted;
import com.calcomalt.contracts.scheduling.ScheduleMadeDefault;
import com.calcomalt.query.identity.DefaultSchedules;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code users.defaultScheduleId}. It handles in the users table's own group, so a user's row
 * is written before their schedule events reach it and is cleared by that group's reset.
 */
@Component
@ProcessingGroup("calcom.users")
class DefaultScheduleProjector {

    private final EntityManager entityManager;

    DefaultScheduleProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(ScheduleMadeDefault event) {
        DefaultSchedules.set(entityManager, event.userId(), event.scheduleId());
    }

    @EventHandler
    void on(ScheduleDeleted event) {
        if (event.newDefaultScheduleId() != null) {
            DefaultSchedules.set(entityManager, event.userId(), event.newDefaultScheduleId());
        } else {
            DefaultSchedules.unset(entityManager, event.userId(), event.scheduleId());
        }
    }
}
