package com.calcomalt.query.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of cal.com's {@code OrganizationSettings} table. */
@Entity
@Table(name = "OrganizationSettings")
class OrganizationSettingsRow {

    @Id
    int id;
    int organizationId;
    boolean isOrganizationConfigured = false;
    boolean isOrganizationVerified = false;
    String orgAutoAcceptEmail;
    boolean lockEventTypeCreationForUsers = false;
    boolean isAdminReviewed = false;
    boolean adminGetsNoSlotsNotification = false;
    boolean isAdminAPIEnabled = false;
    boolean allowSEOIndexing = false;
    boolean orgProfileRedirectsToVerifiedDomain = false;
    boolean disablePhoneOnlySMSNotifications = false;
    boolean disableAutofillOnBookingPage = false;
    boolean orgAutoJoinOnSignup = true;
    boolean disableAttendeeAwaitingPaymentEmail = false;
    boolean disableAttendeeCancellationEmail = false;
    boolean disableAttendeeConfirmationEmail = false;
    boolean disableAttendeeLocationChangeEmail = false;
    boolean disableAttendeeNewEventEmail = false;
    boolean disableAttendeeReassignedEmail = false;
    boolean disableAttendeeRequestEmail = false;
    boolean disableAttendeeRescheduleRequestEmail = false;
    boolean disableAttendeeRescheduledEmail = false;

    protected OrganizationSettingsRow() {
        // for JPA
    }
}
