package com.calcomalt.contracts.calendar;

import java.util.List;

/**
 * cal.com API v2's GET /v2/calendars: each connected account with its calendars, which of them
 * count for conflicts ({@code isSelected}), and where bookings go. Never a key. Beside cal.com's
 * fields: the event types a calendar is selected for on its own ({@code selectedForEventTypeIds}),
 * and the event types whose bookings go to one of these accounts' calendars.
 */
public record ConnectedCalendars(List<Account> connectedCalendars, Destination destinationCalendar,
                                 List<Destination> eventTypeDestinationCalendars) {

    /** The app behind an account, as cal.com names it. */
    public record Integration(String type, String slug, String name, String title, String variant,
                              List<String> categories) {
    }

    /** {@code invalid}: the calendar server refused the stored login; connect the account again. */
    public record Account(Integration integration, int credentialId, Integer teamId, boolean invalid,
                          Calendar primary, List<Calendar> calendars) {
    }

    public record Calendar(String externalId, String integration, String name, boolean primary, boolean readOnly,
                           String email, boolean isSelected, List<Integer> selectedForEventTypeIds, int credentialId) {
    }

    public record Destination(int id, String integration, String externalId, String primaryEmail, Integer userId,
                              Integer eventTypeId, Integer credentialId, String name) {
    }
}
