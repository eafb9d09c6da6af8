package com.calcomalt.contracts.calendar;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The columns of an imported calendar account and of its selected calendars that no command of ours sets: the
 * account's billing (cal.com's paid apps) and each selected calendar's watch channels, sync state, errors,
 * attempts, delegation credentials and times, as cal.com left them. The projectors write them; later events
 * leave them alone.
 */
@Revision("1")
public record CalendarColumnsImported(int credentialId, Integer billingCycleStart, String paymentStatus,
                                      String subscriptionId, List<SelectedCalendarColumns> selectedCalendars,
                                      Instant importedAt) {

    /** A SelectedCalendar row's columns beyond the selection itself. */
    public record SelectedCalendarColumns(String selectedCalendarId, String googleChannelExpiration,
                                          String googleChannelId, String googleChannelKind,
                                          String googleChannelResourceId, String googleChannelResourceUri,
                                          String domainWideDelegationCredentialId, String error, String channelId,
                                          String channelKind, String channelResourceId, String channelResourceUri,
                                          Instant channelExpiration, Instant syncSubscribedAt, String syncToken,
                                          Instant syncedAt, Instant syncErrorAt, Integer syncErrorCount,
                                          String delegationCredentialId, Instant lastErrorAt, int maxAttempts,
                                          int unwatchAttempts, int watchAttempts, Instant createdAt,
                                          Instant updatedAt) {
    }
}
