package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.AvailabilityOwnersImported;
import com.calcomalt.contracts.scheduling.DateOverride;
import com.calcomalt.contracts.scheduling.DateOverridesSet;
import com.calcomalt.contracts.scheduling.ScheduleCreated;
import com.calcomalt.contracts.scheduling.ScheduleDeleted;
import com.calcomalt.contracts.scheduling.ScheduleRenamed;
import com.calcomalt.contracts.scheduling.ScheduleTimeZoneChanged;
import com.calcomalt.contracts.scheduling.WeeklyAvailabilitySet;
import com.calcomalt.contracts.scheduling.WeeklyRange;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code Schedule} table and the schedule's {@code Availability} rows: one read
 * model, since a schedule is written together with its hours.
 */
@Component
@ProcessingGroup("calcom.Schedule")
class ScheduleProjector {

    private final EntityManager entityManager;

    ScheduleProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(ScheduleCreated event) {
        Rows.write(entityManager, ScheduleRow.class, event.scheduleId(), ScheduleRow::new, row -> {
            row.id = event.scheduleId();
            row.userId = event.userId();
            row.name = event.name();
            row.timeZone = event.timeZone();
        });
        entityManager.flush();
        replaceWeekly(event.scheduleId(), event.availability());
        replaceOverrides(event.scheduleId(), event.overrides());
    }

    @EventHandler
    void on(AvailabilityOwnersImported event) {
        for (AvailabilityOwnersImported.Owners owners : event.hours()) {
            AvailabilityRow row = entityManager.find(AvailabilityRow.class, owners.availabilityId());
            if (row != null) {
                row.userId = owners.userId();
                row.eventTypeId = owners.eventTypeId();
            }
        }
    }

    @EventHandler
    void on(ScheduleRenamed event) {
        Rows.existing(entityManager, ScheduleRow.class, event.scheduleId()).name = event.name();
    }

    @EventHandler
    void on(ScheduleTimeZoneChanged event) {
        Rows.existing(entityManager, ScheduleRow.class, event.scheduleId()).timeZone = event.timeZone();
    }

    @EventHandler
    void on(WeeklyAvailabilitySet event) {
        replaceWeekly(event.scheduleId(), event.availability());
    }

    @EventHandler
    void on(DateOverridesSet event) {
        replaceOverrides(event.scheduleId(), event.overrides());
    }

    /** cal.com would leave the hours behind with no schedule; they go with it here. */
    @EventHandler
    void on(ScheduleDeleted event) {
        entityManager.createQuery("delete from AvailabilityRow a where a.scheduleId = :id")
                .setParameter("id", event.scheduleId()).executeUpdate();
        Rows.delete(entityManager, ScheduleRow.class, event.scheduleId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Availability\"").executeUpdate();
        entityManager.createNativeQuery("delete from \"Schedule\"").executeUpdate();
    }

    private void replaceWeekly(int scheduleId, List<WeeklyRange> ranges) {
        entityManager.createQuery("delete from AvailabilityRow a where a.scheduleId = :id and a.date is null")
                .setParameter("id", scheduleId).executeUpdate();
        for (WeeklyRange range : ranges) {
            Rows.write(entityManager, AvailabilityRow.class, range.availabilityId(), AvailabilityRow::new, row -> {
                row.id = range.availabilityId();
                row.scheduleId = scheduleId;
                row.days = range.days();
                row.startTime = range.startTime();
                row.endTime = range.endTime();
            });
        }
    }

    private void replaceOverrides(int scheduleId, List<DateOverride> overrides) {
        entityManager.createQuery("delete from AvailabilityRow a where a.scheduleId = :id and a.date is not null")
                .setParameter("id", scheduleId).executeUpdate();
        for (DateOverride override : overrides) {
            Rows.write(entityManager, AvailabilityRow.class, override.availabilityId(), AvailabilityRow::new, row -> {
                row.id = override.availabilityId();
                row.scheduleId = scheduleId;
                row.date = override.date();
                row.startTime = override.startTime();
                row.endTime = override.endTime();
            });
        }
    }
}
