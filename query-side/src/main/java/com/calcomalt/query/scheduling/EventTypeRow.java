package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of cal.com's {@code EventType} table, every column; fields start at the column defaults. */
@Entity
@Table(name = "EventType")
class EventTypeRow {

    @Id
    int id;
    String title;
    String slug;
    String description;
    @JdbcTypeCode(SqlTypes.JSON)
    List<Map<String, Object>> locations;
    int length;
    boolean hidden = false;
    Integer userId;
    String eventName;
    String timeZone;
    Boolean periodCountCalendarDays;
    Integer periodDays;
    Instant periodEndDate;
    Instant periodStartDate;
    boolean requiresConfirmation = false;
    int minimumBookingNotice = 120;
    String currency = "usd";
    int price = 0;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    SchedulingType schedulingType;
    Integer teamId;
    boolean disableGuests = false;
    int position = 0;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    PeriodType periodType = PeriodType.unlimited;
    Integer slotInterval;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> metadata;
    int afterEventBuffer = 0;
    int beforeEventBuffer = 0;
    boolean hideCalendarNotes = false;
    String successRedirectUrl;
    Integer seatsPerTimeSlot;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> recurringEvent;
    Integer scheduleId;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> bookingLimits;
    Boolean seatsShowAttendees = false;
    @JdbcTypeCode(SqlTypes.JSON)
    List<Map<String, Object>> bookingFields;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> durationLimits;
    Integer parentId;
    int offsetStart = 0;
    boolean requiresBookerEmailVerification = false;
    Boolean seatsShowAvailabilityCount = true;
    boolean lockTimeZoneToggleOnBookingPage = false;
    boolean onlyShowFirstAvailableSlot = false;
    boolean isInstantEvent = false;
    boolean assignAllTeamMembers = false;
    Integer profileId;
    boolean useEventTypeDestinationCalendarEmail = false;
    Integer secondaryEmailId;
    Boolean forwardParamsSuccessRedirect = true;
    int instantMeetingExpiryTimeOffsetInSeconds = 90;
    boolean isRRWeightsEnabled = false;
    boolean rescheduleWithSameRoundRobinHost = false;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> eventTypeColor;
    boolean requiresConfirmationWillBlockSlot = false;
    Integer instantMeetingScheduleId;
    Boolean showOptimizedSlots = false;
    boolean hideCalendarEventDetails = false;
    boolean assignRRMembersUsingSegment = false;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> rrSegmentQueryValue;
    Integer maxLeadThreshold;
    @JdbcTypeCode(SqlTypes.ARRAY)
    List<String> instantMeetingParameters;
    boolean autoTranslateDescriptionEnabled = false;
    boolean requiresConfirmationForFreeEmail = false;
    boolean useEventLevelSelectedCalendars = false;
    boolean allowReschedulingPastBookings = false;
    String interfaceLanguage;
    boolean canSendCalVideoTranscriptionEmails = true;
    Boolean disableCancelling = false;
    Boolean disableRescheduling = false;
    String customReplyToEmail;
    boolean hideOrganizerEmail = false;
    boolean includeNoShowInRRCalculation = false;
    Integer restrictionScheduleId;
    boolean useBookerTimezone = false;
    Boolean allowReschedulingCancelledBookings = false;
    Integer maxActiveBookingsPerBooker;
    boolean maxActiveBookingPerBookerOfferReschedule = false;
    String lockedTimeZone;
    boolean bookingRequiresAuthentication = false;
    Instant createdAt;
    Instant updatedAt;
    boolean autoTranslateInstantMeetingTitleEnabled = true;
    Integer minimumRescheduleNotice;
    boolean rrHostSubsetEnabled = false;

    protected EventTypeRow() {
        // for JPA
    }
}
