package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.EventTypeColumnsImported;
import com.calcomalt.contracts.scheduling.EventTypeCreated;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.EventTypeUpdated;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code EventType} table. Deleting an event type deletes its hosts, inputs, links
 * and managed children by cascade, as in cal.com.
 */
@Component
@ProcessingGroup("calcom.EventType")
class EventTypeProjector {

    private final EntityManager entityManager;

    EventTypeProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(EventTypeCreated event) {
        Rows.write(entityManager, EventTypeRow.class, event.eventTypeId(), EventTypeRow::new, row -> {
            row.id = event.eventTypeId();
            row.userId = event.userId();
            row.teamId = event.teamId();
            row.parentId = event.parentId();
            row.schedulingType = event.schedulingType();
            row.createdAt = event.createdAt();
            row.updatedAt = event.createdAt();
            settings(row, event.settings());
        });
    }

    @EventHandler
    void on(EventTypeUpdated event) {
        EventTypeRow row = Rows.existing(entityManager, EventTypeRow.class, event.eventTypeId());
        settings(row, event.settings());
        row.updatedAt = event.updatedAt();
    }

    @EventHandler
    void on(EventTypeColumnsImported event) {
        EventTypeRow row = Rows.existing(entityManager, EventTypeRow.class, event.eventTypeId());
        row.isInstantEvent = event.isInstantEvent();
        row.profileId = event.profileId();
        row.useEventTypeDestinationCalendarEmail = event.useEventTypeDestinationCalendarEmail();
        row.secondaryEmailId = event.secondaryEmailId();
        row.instantMeetingExpiryTimeOffsetInSeconds = event.instantMeetingExpiryTimeOffsetInSeconds();
        row.instantMeetingScheduleId = event.instantMeetingScheduleId();
        row.showOptimizedSlots = event.showOptimizedSlots();
        row.assignRRMembersUsingSegment = event.assignRRMembersUsingSegment();
        row.rrSegmentQueryValue = event.rrSegmentQueryValue();
        row.instantMeetingParameters = event.instantMeetingParameters();
        row.autoTranslateDescriptionEnabled = event.autoTranslateDescriptionEnabled();
        row.requiresConfirmationForFreeEmail = event.requiresConfirmationForFreeEmail();
        row.useEventLevelSelectedCalendars = event.useEventLevelSelectedCalendars();
        row.canSendCalVideoTranscriptionEmails = event.canSendCalVideoTranscriptionEmails();
        row.includeNoShowInRRCalculation = event.includeNoShowInRRCalculation();
        row.restrictionScheduleId = event.restrictionScheduleId();
        row.maxActiveBookingPerBookerOfferReschedule = event.maxActiveBookingPerBookerOfferReschedule();
        row.bookingRequiresAuthentication = event.bookingRequiresAuthentication();
        row.autoTranslateInstantMeetingTitleEnabled = event.autoTranslateInstantMeetingTitleEnabled();
        row.rrHostSubsetEnabled = event.rrHostSubsetEnabled();
        row.updatedAt = event.updatedAt();
    }

    @EventHandler
    void on(EventTypeDeleted event) {
        Rows.delete(entityManager, EventTypeRow.class, event.eventTypeId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"EventType\"").executeUpdate();
    }

    private static void settings(EventTypeRow row, EventTypeSettings s) {
        row.title = s.title();
        row.slug = s.slug();
        row.description = s.description();
        row.length = s.length();
        row.hidden = s.hidden();
        row.position = s.position();
        row.locations = s.locations();
        row.eventName = s.eventName();
        row.timeZone = s.timeZone();
        row.periodType = s.periodType();
        row.periodDays = s.periodDays();
        row.periodStartDate = s.periodStartDate();
        row.periodEndDate = s.periodEndDate();
        row.periodCountCalendarDays = s.periodCountCalendarDays();
        row.requiresConfirmation = s.requiresConfirmation();
        row.requiresConfirmationWillBlockSlot = s.requiresConfirmationWillBlockSlot();
        row.minimumBookingNotice = s.minimumBookingNotice();
        row.beforeEventBuffer = s.beforeEventBuffer();
        row.afterEventBuffer = s.afterEventBuffer();
        row.slotInterval = s.slotInterval();
        row.seatsPerTimeSlot = s.seatsPerTimeSlot();
        row.seatsShowAttendees = s.seatsShowAttendees();
        row.seatsShowAvailabilityCount = s.seatsShowAvailabilityCount();
        row.scheduleId = s.scheduleId();
        row.bookingFields = s.bookingFields();
        row.metadata = s.metadata();
        row.bookingLimits = s.bookingLimits();
        row.durationLimits = s.durationLimits();
        row.recurringEvent = s.recurringEvent();
        row.price = s.price();
        row.currency = s.currency();
        row.disableGuests = s.disableGuests();
        row.hideCalendarNotes = s.hideCalendarNotes();
        row.hideCalendarEventDetails = s.hideCalendarEventDetails();
        row.successRedirectUrl = s.successRedirectUrl();
        row.forwardParamsSuccessRedirect = s.forwardParamsSuccessRedirect();
        row.lockTimeZoneToggleOnBookingPage = s.lockTimeZoneToggleOnBookingPage();
        row.lockedTimeZone = s.lockedTimeZone();
        row.onlyShowFirstAvailableSlot = s.onlyShowFirstAvailableSlot();
        row.eventTypeColor = s.eventTypeColor();
        row.offsetStart = s.offsetStart();
        row.requiresBookerEmailVerification = s.requiresBookerEmailVerification();
        row.useBookerTimezone = s.useBookerTimezone();
        row.disableCancelling = s.disableCancelling();
        row.disableRescheduling = s.disableRescheduling();
        row.allowReschedulingPastBookings = s.allowReschedulingPastBookings();
        row.allowReschedulingCancelledBookings = s.allowReschedulingCancelledBookings();
        row.minimumRescheduleNotice = s.minimumRescheduleNotice();
        row.maxLeadThreshold = s.maxLeadThreshold();
        row.maxActiveBookingsPerBooker = s.maxActiveBookingsPerBooker();
        row.customReplyToEmail = s.customReplyToEmail();
        row.interfaceLanguage = s.interfaceLanguage();
        row.isRRWeightsEnabled = s.isRRWeightsEnabled();
        row.rescheduleWithSameRoundRobinHost = s.rescheduleWithSameRoundRobinHost();
        row.assignAllTeamMembers = s.assignAllTeamMembers();
        row.hideOrganizerEmail = s.hideOrganizerEmail();
    }
}
