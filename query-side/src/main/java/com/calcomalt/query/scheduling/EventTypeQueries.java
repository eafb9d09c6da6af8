package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.CustomInput;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.EventTypeView;
import com.calcomalt.contracts.scheduling.FindEventType;
import com.calcomalt.contracts.scheduling.FindEventTypes;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.query.identity.IdentityVisibility;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Event types: a user's are seen by that user, a team's by whoever sees the team. */
@Component
@Transactional(readOnly = true)
class EventTypeQueries {

    private final EventTypeRows eventTypes;
    private final HostRows hosts;
    private final CustomInputRows customInputs;
    private final IdentityVisibility visibility;

    EventTypeQueries(EventTypeRows eventTypes, HostRows hosts, CustomInputRows customInputs,
                     IdentityVisibility visibility) {
        this.eventTypes = eventTypes;
        this.hosts = hosts;
        this.customInputs = customInputs;
        this.visibility = visibility;
    }

    @QueryHandler
    List<EventTypeView> handle(FindEventTypes query) {
        if (query.teamId() != null) {
            return visibility.canSeeTeam(query.caller(), query.teamId())
                    ? eventTypes.findByTeamIdOrderByPositionDescIdAsc(query.teamId()).stream().map(this::view).toList()
                    : List.of();
        }
        return eventTypes.findByUserIdOrderByPositionDescIdAsc(query.caller().userId()).stream()
                .filter(e -> query.caller().mayActAs(e.userId)).map(this::view).toList();
    }

    @QueryHandler
    Optional<EventTypeView> handle(FindEventType query) {
        return eventTypes.findById(query.eventTypeId()).filter(e -> sees(query.caller(), e)).map(this::view);
    }

    private boolean sees(Caller caller, EventTypeRow e) {
        return e.teamId != null ? visibility.canSeeTeam(caller, e.teamId) : caller.mayActAs(e.userId);
    }

    private EventTypeView view(EventTypeRow r) {
        EventTypeSettings settings = new EventTypeSettings(r.title, r.slug, r.description, r.length, r.hidden, r.position, r.locations, r.eventName, r.timeZone, r.periodType, r.periodDays, r.periodStartDate, r.periodEndDate, r.periodCountCalendarDays, r.requiresConfirmation, r.requiresConfirmationWillBlockSlot, r.minimumBookingNotice, r.beforeEventBuffer, r.afterEventBuffer, r.slotInterval, r.seatsPerTimeSlot, r.seatsShowAttendees, r.seatsShowAvailabilityCount, r.scheduleId, r.bookingFields, r.metadata, r.bookingLimits, r.durationLimits, r.recurringEvent, r.price, r.currency, r.disableGuests, r.hideCalendarNotes, r.hideCalendarEventDetails, r.successRedirectUrl, r.forwardParamsSuccessRedirect, r.lockTimeZoneToggleOnBookingPage, r.lockedTimeZone, r.onlyShowFirstAvailableSlot, r.eventTypeColor, r.offsetStart, r.requiresBookerEmailVerification, r.useBookerTimezone, r.disableCancelling, r.disableRescheduling, r.allowReschedulingPastBookings, r.allowReschedulingCancelledBookings, r.minimumRescheduleNotice, r.maxLeadThreshold, r.maxActiveBookingsPerBooker, r.customReplyToEmail, r.interfaceLanguage, r.isRRWeightsEnabled, r.rescheduleWithSameRoundRobinHost, r.assignAllTeamMembers, r.hideOrganizerEmail);
        return new EventTypeView(r.id, r.userId, r.teamId, r.parentId, r.schedulingType, settings,
                hosts.findByEventTypeIdOrderByUserId(r.id).stream().map(h -> new Host(h.userId, h.memberId, h.isFixed,
                        h.priority, h.weight, h.scheduleId, h.createdAt)).toList(),
                customInputs.findByEventTypeIdOrderById(r.id).stream().map(i -> new CustomInput(i.id, i.label,
                        i.required, i.type, i.placeholder, i.options)).toList(),
                r.createdAt, r.updatedAt);
    }
}
