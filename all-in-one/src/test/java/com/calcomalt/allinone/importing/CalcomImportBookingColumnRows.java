package com.calcomalt.allinone.importing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The booking columns no command of ours sets, planted on imported bookings, references and notes after the
 * calendars and delegation credentials they point at: dynamic slugs, recurring series, destination calendars,
 * scheduled jobs, one-time passwords, reassignments, delegation credentials and note presets; and the calendar
 * columns no command of ours sets.
 */
final class CalcomImportBookingColumnRows {

    private CalcomImportBookingColumnRows() {
    }

    static void fill(JdbcTemplate db) {
        db.execute("""
                update "Booking" set "dynamicEventSlugRef" = '15min+30min',
                       "dynamicGroupSlugRef" = 'person' || "userId" || '+person9',
                       "recurringEventId" = case when id % 22 = 0 then 'series-' || (id / 44) end,
                       "destinationCalendarId" = 14 + id % 7,
                       "scheduledJobs" = array['sms-reminder-' || id, 'webhook-' || id],
                       "oneTimePassword" = case when id % 33 = 0 then 'otp-' || id end,
                       "reassignReason" = case when id % 33 = 0 then 'Out sick' end,
                       "reassignById" = case when id % 33 = 0 then 7 end
                where id % 11 = 0 and id <= 2400;
                update "BookingReference" set "domainWideDelegationCredentialId" = 'dc-google',
                       "delegationCredentialId" = case when id % 18 = 0 then 'dc-ms' else 'dc-google' end
                where id % 9 = 0 and id <= 2400;
                update "BookingInternalNote" set "notePresetId" = 1 + id % 3 where id % 14 = 0 and id <= 2400;
                update "BookingReference" set "credentialId" = 104 + id % 12 where id % 15 = 0 and id <= 2400;
                """);
        // The calendar accounts' billing, the selected calendars' channels, sync state and attempts, the
        // destinations' reminders; one user's calendars through a delegation credential besides.
        db.execute("""
                update "Credential" set "billingCycleStart" = 1 + id % 28, "paymentStatus" = 'active',
                       "subscriptionId" = 'sub_' || id
                where id between 104 and 110;
                update "SelectedCalendar" set "googleChannelExpiration" = '1767225600000',
                       "googleChannelId" = 'gch-' || id, "googleChannelKind" = 'api#channel',
                       "googleChannelResourceId" = 'gres-' || id,
                       "googleChannelResourceUri" = 'https://www.googleapis.com/calendar/v3/calendars/' || id,
                       error = case when "userId" % 3 = 0 then 'invalid_grant' end, "channelId" = 'ch-' || id,
                       "channelKind" = 'web_hook', "channelResourceId" = 'res-' || id,
                       "channelResourceUri" = 'https://dav.example.com/watch/' || id,
                       "channelExpiration" = timestamp '2026-01-01 00:00:00',
                       "syncSubscribedAt" = timestamp '2025-11-01 10:00:00', "syncToken" = 'tok-' || id,
                       "syncedAt" = timestamp '2025-11-02 10:00:00',
                       "syncErrorAt" = case when "userId" % 3 = 0 then timestamp '2025-11-03 10:00:00' end,
                       "syncErrorCount" = "userId" % 3, "lastErrorAt" = timestamp '2025-11-03 10:00:00',
                       "maxAttempts" = 5, "unwatchAttempts" = 1, "watchAttempts" = 4,
                       "updatedAt" = "createdAt" + interval '2 days',
                       "domainWideDelegationCredentialId" = case when "userId" = 8 then 'dc-google' end,
                       "delegationCredentialId" = case when "userId" = 8 then 'dc-google' end;
                update "DestinationCalendar" set "customCalendarReminder" = 10 * (id % 4),
                       "domainWideDelegationCredentialId" = case when id = 15 then 'dc-google' end,
                       "delegationCredentialId" = case when id = 15 then 'dc-ms' end;
                """);
    }
}
