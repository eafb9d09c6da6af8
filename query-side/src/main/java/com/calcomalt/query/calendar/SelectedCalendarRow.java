package com.calcomalt.query.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code SelectedCalendar} table; the Google channel and sync columns stay at their defaults. */
@Entity
@Table(name = "SelectedCalendar")
class SelectedCalendarRow {

    @Id
    String id;
    int userId;
    String integration;
    String externalId;
    Integer credentialId;
    String googleChannelExpiration;
    String googleChannelId;
    String googleChannelKind;
    String googleChannelResourceId;
    String googleChannelResourceUri;
    String domainWideDelegationCredentialId;
    Integer eventTypeId;
    String error;
    String channelId;
    String channelKind;
    String channelResourceId;
    String channelResourceUri;
    Instant channelExpiration;
    Instant syncSubscribedAt;
    String syncToken;
    Instant syncedAt;
    Instant syncErrorAt;
    Integer syncErrorCount = 0;
    String delegationCredentialId;
    Instant lastErrorAt;
    int maxAttempts = 3;
    int unwatchAttempts = 0;
    int watchAttempts = 0;
    Instant createdAt;
    Instant updatedAt;

    protected SelectedCalendarRow() {
        // for JPA
    }
}
