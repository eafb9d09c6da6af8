package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.PendingBookingReminderSent;
import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.rules.scheduling.BookingState;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bookings imported from cal.com, taken into the planner's own booking lookup in the transaction that
 * appends them. The planner passes over imported booking events (cal.com planned their reminders), so without
 * this it would not know an imported booking, and its later changes here (confirmed, paid, cancelled, declined,
 * a seat booked, a workflow activated) would plan nothing. Known, they are planned as a native booking's; a
 * reminder cal.com had already (its imported WorkflowReminder or ReminderMail) is a planned reminder of its
 * booking with the same id, so it is not planned, nor sent, a second time.
 */
@Component
@ProcessingGroup("identity-registry")
class ImportedReminderBookings {

    private static final String IMPORTED = "imported";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ImportedReminderBookings(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static boolean imported(String source) {
        return "calcom".equals(source);
    }

    @EventHandler
    void on(BookingRequested event, @MetaDataValue(IMPORTED) String source) {
        if (imported(source)) {
            ReminderPlanner.remember(jdbc, json, event);
        }
    }

    /** The status cal.com's story of the booking leaves it in (cancelled, rejected, paid and still pending...). */
    @EventHandler
    void on(BookingChange change, @MetaDataValue(IMPORTED) String source) {
        if (imported(source) && !(change instanceof BookingRequested)
                && BookingState.statusSetBy(change).isPresent()) {
            ReminderPlanner.status(jdbc, change);
        }
    }

    /** A host's reminder cal.com sent: the planner, planning its booking's pending reminders, passes over it. */
    @EventHandler
    void on(PendingBookingReminderSent event, @MetaDataValue(IMPORTED) String source) {
        if (imported(source)) {
            jdbc.update("""
                    insert into automation.planned_reminders (task_instance, kind, reminder_key, booking_uid)
                    values (?, 'PENDING_BOOKING', ?, ?) on conflict do nothing""",
                    PendingBookingReminderTask.instanceId(event.bookingUid(), event.elapsedMinutes()),
                    String.valueOf(event.elapsedMinutes()), event.bookingUid());
        }
    }
}
