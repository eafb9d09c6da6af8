package com.calcomalt.contracts.identity;

/** cal.com's OrganizationSettings. In a command a null field means "as it is"; in an event every field is set. */
public record OrganizationSettings(String orgAutoAcceptEmail, Boolean isOrganizationConfigured, Boolean isOrganizationVerified, Boolean lockEventTypeCreationForUsers, Boolean isAdminReviewed, Boolean adminGetsNoSlotsNotification, Boolean isAdminAPIEnabled, Boolean allowSEOIndexing, Boolean orgProfileRedirectsToVerifiedDomain, Boolean disablePhoneOnlySMSNotifications, Boolean disableAutofillOnBookingPage, Boolean orgAutoJoinOnSignup, Boolean disableAttendeeAwaitingPaymentEmail, Boolean disableAttendeeCancellationEmail, Boolean disableAttendeeConfirmationEmail, Boolean disableAttendeeLocationChangeEmail, Boolean disableAttendeeNewEventEmail, Boolean disableAttendeeReassignedEmail, Boolean disableAttendeeRequestEmail, Boolean disableAttendeeRescheduleRequestEmail, Boolean disableAttendeeRescheduledEmail) {
}
