package com.calcomalt.command.calendar;

import com.calcomalt.contracts.calendar.CalendarConnected;
import com.calcomalt.contracts.calendar.CalendarCredentialInvalidated;
import com.calcomalt.contracts.calendar.CalendarDeselected;
import com.calcomalt.contracts.calendar.CalendarDisconnected;
import com.calcomalt.contracts.calendar.CalendarSelected;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.contracts.calendar.DestinationCalendarSet;
import com.calcomalt.platform.domain.DomainConflict;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's calendar accounts, selections and destinations, written in the transaction
 * that appends their events. A calendar is selected once per user and event type across all of a
 * user's accounts (cal.com's "SelectedCalendar_userId_integration_externalId_eventTypeId_key"): of
 * two concurrent selections, one is rolled back.
 */
@Component
@ProcessingGroup("identity-registry")
class CalendarRegistry {

    private final JdbcTemplate jdbc;

    CalendarRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CalendarConnected event) {
        jdbc.update("""
                insert into command_side.calendar_credentials (credential_id, user_id, team_id, type, sealed_key)
                values (?, ?, ?, ?, ?)""", event.credentialId(), event.userId(), event.teamId(), event.type(),
                event.sealedKey());
        int position = 0;
        for (ConnectedCalendar calendar : event.calendars()) {
            jdbc.update("""
                    insert into command_side.credential_calendars
                        (credential_id, external_id, name, read_only, primary_email, position)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""", event.credentialId(), calendar.externalId(),
                    calendar.name(), calendar.readOnly(), calendar.primaryEmail(), position++);
        }
    }

    @EventHandler
    void on(CalendarCredentialInvalidated event) {
        jdbc.update("update command_side.calendar_credentials set invalid = true where credential_id = ?",
                event.credentialId());
    }

    /** Its calendars, selections and destinations go with it (foreign keys on delete cascade). */
    @EventHandler
    void on(CalendarDisconnected event) {
        jdbc.update("delete from command_side.calendar_credentials where credential_id = ?", event.credentialId());
    }

    @EventHandler
    void on(CalendarSelected event) {
        try {
            jdbc.update("""
                    insert into command_side.selected_calendars (id, credential_id, user_id, integration, external_id,
                        event_type_id) values (?, ?, ?, ?, ?, ?)""", event.selectedCalendarId(), event.credentialId(),
                    event.userId(), event.integration(), event.externalId(), event.eventTypeId());
        } catch (DuplicateKeyException e) {
            throw new DomainConflict("User " + event.userId() + " has already selected calendar " + event.externalId()
                    + " through another account");
        }
    }

    @EventHandler
    void on(CalendarDeselected event) {
        jdbc.update("delete from command_side.selected_calendars where id = ?", event.selectedCalendarId());
    }

    @EventHandler
    void on(DestinationCalendarSet event) {
        jdbc.update("""
                insert into command_side.destination_calendars (id, user_id, event_type_id, credential_id, external_id)
                values (?, ?, ?, ?, ?)
                on conflict (id) do update set credential_id = excluded.credential_id, external_id = excluded.external_id""",
                event.destinationCalendarId(), event.userId(), event.eventTypeId(), event.credentialId(),
                event.externalId());
    }
}
