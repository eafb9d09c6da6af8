package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links a booking to what an integration made for it: a calendar event or a video meeting. */
public record AddBookingReference(String uid, int referenceId, String type, String referenceUid, String meetingId, String meetingPassword, String meetingUrl, String externalCalendarId, Integer credentialId, String thirdPartyRecurringEventId) implements TargetsBooking {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.aggregateId(uid);
    }
}
