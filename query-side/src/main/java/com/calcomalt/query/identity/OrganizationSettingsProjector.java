package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.OrganizationSettingsUpdated;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code OrganizationSettings} table, one row per organization. */
@Component
@ProcessingGroup("calcom.OrganizationSettings")
class OrganizationSettingsProjector {

    private final EntityManager entityManager;

    OrganizationSettingsProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(OrganizationSettingsUpdated event) {
        OrganizationSettings s = event.settings();
        Rows.write(entityManager, OrganizationSettingsRow.class, event.organizationSettingsId(),
                OrganizationSettingsRow::new, row -> {
                    row.id = event.organizationSettingsId();
                    row.organizationId = event.teamId();
                    row.orgAutoAcceptEmail = s.orgAutoAcceptEmail();
                    row.isOrganizationConfigured = s.isOrganizationConfigured();
                    row.isOrganizationVerified = s.isOrganizationVerified();
                    row.lockEventTypeCreationForUsers = s.lockEventTypeCreationForUsers();
                    row.isAdminReviewed = s.isAdminReviewed();
                    row.adminGetsNoSlotsNotification = s.adminGetsNoSlotsNotification();
                    row.isAdminAPIEnabled = s.isAdminAPIEnabled();
                    row.allowSEOIndexing = s.allowSEOIndexing();
                    row.orgProfileRedirectsToVerifiedDomain = s.orgProfileRedirectsToVerifiedDomain();
                    row.disablePhoneOnlySMSNotifications = s.disablePhoneOnlySMSNotifications();
                    row.disableAutofillOnBookingPage = s.disableAutofillOnBookingPage();
                    row.orgAutoJoinOnSignup = s.orgAutoJoinOnSignup();
                    row.disableAttendeeAwaitingPaymentEmail = s.disableAttendeeAwaitingPaymentEmail();
                    row.disableAttendeeCancellationEmail = s.disableAttendeeCancellationEmail();
                    row.disableAttendeeConfirmationEmail = s.disableAttendeeConfirmationEmail();
                    row.disableAttendeeLocationChangeEmail = s.disableAttendeeLocationChangeEmail();
                    row.disableAttendeeNewEventEmail = s.disableAttendeeNewEventEmail();
                    row.disableAttendeeReassignedEmail = s.disableAttendeeReassignedEmail();
                    row.disableAttendeeRequestEmail = s.disableAttendeeRequestEmail();
                    row.disableAttendeeRescheduleRequestEmail = s.disableAttendeeRescheduleRequestEmail();
                    row.disableAttendeeRescheduledEmail = s.disableAttendeeRescheduledEmail();
                });
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"OrganizationSettings\"").executeUpdate();
    }
}
