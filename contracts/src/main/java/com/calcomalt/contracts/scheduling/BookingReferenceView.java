package com.calcomalt.contracts.scheduling;

/**
 * A booking's event in a calendar or video app, as cal.com API v2 shows one ({@code eventUid},
 * {@code destinationCalendarId}), with the meeting's details the reference was written with.
 */
public record BookingReferenceView(int id, String type, String eventUid, String destinationCalendarId,
                                   String meetingId, String meetingPassword, String meetingUrl, Integer credentialId,
                                   String thirdPartyRecurringEventId) {
}
