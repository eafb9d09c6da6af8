package com.calcomalt.command.scheduling;

import static com.calcomalt.platform.database.Timestamps.utc;

import com.calcomalt.contracts.scheduling.DateOverridesSet;
import com.calcomalt.contracts.scheduling.EventTypeCreated;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.calcomalt.contracts.scheduling.EventTypeHostsSet;
import com.calcomalt.contracts.scheduling.EventTypeUpdated;
import com.calcomalt.contracts.scheduling.OutOfOfficeCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeDeleted;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeUpdated;
import com.calcomalt.contracts.scheduling.ScheduleCreated;
import com.calcomalt.contracts.scheduling.ScheduleDeleted;
import com.calcomalt.contracts.scheduling.ScheduleMadeDefault;
import com.calcomalt.contracts.scheduling.ScheduleTimeZoneChanged;
import com.calcomalt.contracts.scheduling.SlotReleased;
import com.calcomalt.contracts.scheduling.SlotReservationExpired;
import com.calcomalt.contracts.scheduling.SlotReserved;
import com.calcomalt.contracts.scheduling.WeeklyAvailabilitySet;
import com.calcomalt.platform.domain.DomainConflict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rules that span scheduling aggregates, claimed in the transaction that appends the event:
 * unique slugs per user and per team, one child of a managed event type per user, a user's
 * out-of-office entries never overlapping (an exclusion constraint), unique reasons; plus which
 * schedule is each user's default, and the reservations still running.
 */
@Component
@ProcessingGroup("identity-registry")
class SchedulingRegistry {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    SchedulingRegistry(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(ScheduleCreated event) {
        jdbc.update("""
                insert into command_side.schedules (schedule_id, user_id, time_zone, weekly, overrides)
                values (?, ?, ?, ?::jsonb, ?::jsonb) on conflict do nothing""",
                event.scheduleId(), event.userId(), event.timeZone(), json(event.availability()),
                json(event.overrides()));
    }

    @EventHandler
    void on(ScheduleTimeZoneChanged event) {
        jdbc.update("update command_side.schedules set time_zone = ? where schedule_id = ?", event.timeZone(),
                event.scheduleId());
    }

    @EventHandler
    void on(WeeklyAvailabilitySet event) {
        jdbc.update("update command_side.schedules set weekly = ?::jsonb where schedule_id = ?",
                json(event.availability()), event.scheduleId());
    }

    @EventHandler
    void on(DateOverridesSet event) {
        jdbc.update("update command_side.schedules set overrides = ?::jsonb where schedule_id = ?",
                json(event.overrides()), event.scheduleId());
    }

    @EventHandler
    void on(ScheduleMadeDefault event) {
        jdbc.update("update command_side.user_registry set default_schedule_id = ? where user_id = ?",
                event.scheduleId(), event.userId());
    }

    @EventHandler
    void on(ScheduleDeleted event) {
        jdbc.update("delete from command_side.schedules where schedule_id = ?", event.scheduleId());
        if (event.newDefaultScheduleId() != null) {
            jdbc.update("update command_side.user_registry set default_schedule_id = ? where user_id = ?",
                    event.newDefaultScheduleId(), event.userId());
        }
    }

    @EventHandler
    void on(EventTypeCreated event) {
        claimSlug(event.settings().slug(), () -> jdbc.update("""
                insert into command_side.event_types (event_type_id, user_id, team_id, parent_id, slug, length,
                                                      scheduling_type, settings)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (event_type_id) do nothing""",
                event.eventTypeId(), event.userId(), event.teamId(), event.parentId(), event.settings().slug(),
                event.settings().length(), event.schedulingType() == null ? null : event.schedulingType().name(),
                json(event.settings())));
    }

    @EventHandler
    void on(EventTypeUpdated event) {
        claimSlug(event.settings().slug(), () -> jdbc.update(
                "update command_side.event_types set slug = ?, length = ?, settings = ?::jsonb where event_type_id = ?",
                event.settings().slug(), event.settings().length(), json(event.settings()), event.eventTypeId()));
    }

    @EventHandler
    void on(EventTypeHostsSet event) {
        jdbc.update("update command_side.event_types set hosts = ?::jsonb where event_type_id = ?",
                json(event.hosts()), event.eventTypeId());
    }

    @EventHandler
    void on(EventTypeDeleted event) {
        jdbc.update("delete from command_side.event_types where event_type_id = ?", event.eventTypeId());
    }

    @EventHandler
    void on(OutOfOfficeCreated event) {
        claimTime(() -> jdbc.update("""
                insert into command_side.out_of_office (entry_id, user_id, during) values (?, ?, tstzrange(?, ?))""",
                event.entryId(), event.userId(), utc(event.start()), utc(event.end())));
    }

    @EventHandler
    void on(OutOfOfficeUpdated event) {
        claimTime(() -> jdbc.update("update command_side.out_of_office set during = tstzrange(?, ?) where entry_id = ?",
                utc(event.start()), utc(event.end()), event.entryId()));
    }

    @EventHandler
    void on(OutOfOfficeDeleted event) {
        jdbc.update("delete from command_side.out_of_office where entry_id = ?", event.entryId());
    }

    @EventHandler
    void on(OutOfOfficeReasonCreated event) {
        try {
            jdbc.update("insert into command_side.out_of_office_reasons (reason_id, reason) values (?, ?)",
                    event.reasonId(), event.reason());
        } catch (DuplicateKeyException e) {
            throw new DomainConflict("The reason '" + event.reason() + "' exists already");
        }
    }

    @EventHandler
    void on(SlotReserved event) {
        jdbc.update("""
                insert into command_side.slot_reservations (uid, release_at, event_type_id, user_id, slot_start, slot_end,
                                                            is_seat)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.uid(), utc(event.releaseAt()), event.eventTypeId(), event.userId(), utc(event.slotStart()),
                utc(event.slotEnd()), event.isSeat());
    }

    @EventHandler
    void on(SlotReleased event) {
        jdbc.update("delete from command_side.slot_reservations where uid = ?", event.uid());
    }

    @EventHandler
    void on(SlotReservationExpired event) {
        jdbc.update("delete from command_side.slot_reservations where uid = ?", event.uid());
    }

    private void claimSlug(String slug, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            throw new DomainConflict("The slug '" + slug + "' is taken by another event type of this owner");
        }
    }

    /** The exclusion constraint refuses overlapping time; PostgreSQL reports it as a plain integrity violation. */
    private void claimTime(Runnable write) {
        try {
            write.run();
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
            // Two overlapping ranges written at once can deadlock while each checks the exclusion
            // constraint against the other: the one PostgreSQL aborts overlaps the one it lets through.
            throw new DomainConflict("This time overlaps another time out of office of the same user");
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + value, e);
        }
    }
}
