package com.calcomalt.contracts.calendar;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The columns of an imported DestinationCalendar row that no command of ours sets: its delegation credentials and
 * its reminder, as cal.com left them. Later settings of the destination leave them alone.
 */
@Revision("1")
public record DestinationCalendarColumnsImported(int destinationCalendarId, String domainWideDelegationCredentialId,
                                                 String delegationCredentialId, Integer customCalendarReminder,
                                                 Instant importedAt) {
}
