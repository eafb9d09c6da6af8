package com.calcomalt.rules.scheduling;

import com.calcomalt.contracts.scheduling.CustomInput;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event type as cal.com's API v2 (2024-06-14) shows one: EventTypeOutput_2024_06_14, with the
 * team fields of TeamEventTypeOutput_2024_06_14. Settings cal.com keeps in columns or metadata are
 * grouped into its objects (bookingWindow, confirmationPolicy, seats, ...). Beyond cal.com's shape:
 * customInputs, createdAt and updatedAt.
 */
public record EventTypeOutput(int id, Integer ownerId, Integer teamId, Integer parentEventTypeId,
                              SchedulingType schedulingType, int lengthInMinutes, List<Integer> lengthInMinutesOptions,
                              String title, String slug, String description, List<Location> locations,
                              List<BookingField> bookingFields, boolean disableGuests, Integer slotInterval,
                              Integer minimumBookingNotice, Integer beforeEventBuffer, Integer afterEventBuffer,
                              Recurrence recurrence, Map<String, Object> metadata, Integer price, String currency,
                              boolean lockTimeZoneToggleOnBookingPage, Integer seatsPerTimeSlot,
                              Boolean forwardParamsSuccessRedirect, String successRedirectUrl, boolean isInstantEvent,
                              Boolean seatsShowAvailabilityCount, Integer scheduleId, Limits bookingLimitsCount,
                              ActiveBookingsLimit bookerActiveBookingsLimit, Boolean onlyShowFirstAvailableSlot,
                              Limits bookingLimitsDuration, BookingWindow bookingWindow, BookerLayouts bookerLayouts,
                              ConfirmationPolicy confirmationPolicy, Boolean requiresBookerEmailVerification,
                              Boolean hideCalendarNotes, Color color, Seats seats, Integer offsetStart, String customName,
                              Boolean hideCalendarEventDetails, Boolean hideOrganizerEmail, Boolean hidden,
                              Disabling disableCancelling, Disabling disableRescheduling, String interfaceLanguage,
                              Boolean allowReschedulingPastBookings, Boolean allowReschedulingCancelledBookings,
                              Boolean assignAllTeamMembers, Boolean rescheduleWithSameRoundRobinHost,
                              List<HostOutput> hosts, List<CustomInput> customInputs, Instant createdAt,
                              Instant updatedAt) {

    /**
     * cal.com's locations by type: address, link, phone (with public), integration (with its
     * name, such as cal-video), attendeeAddress, attendeePhone, attendeeDefined,
     * organizersDefaultApp, and unknown (with location) for what it cannot name.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(String type, String address, String link, String phone, String integration,
                           @JsonProperty("public") Boolean isPublic, String location) {
    }

    /**
     * A booking question: cal.com's type (text, select, ...), its slug, and for a select or
     * checkbox group its options; isDefault is false for the questions an owner adds.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingField(String type, String slug, String label, Boolean required, String placeholder,
                               List<String> options, Boolean hidden, Boolean disableOnPrefill, boolean isDefault) {
    }

    /** frequency is yearly, monthly or weekly; disabled is false, as cal.com shows a recurrence. */
    public record Recurrence(int interval, int occurrences, String frequency, boolean disabled) {
    }

    /** Counts (bookingLimitsCount) or minutes (bookingLimitsDuration) per day, week, month and year. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limits(Integer day, Integer week, Integer month, Integer year) {
    }

    public record ActiveBookingsLimit(Integer maximumActiveBookings, Boolean offerReschedule) {
    }

    /**
     * cal.com's BusinessDaysWindow_2024_06_14, CalendarDaysWindow_2024_06_14 and RangeWindow_2024_06_14,
     * told apart by type; null when the event type can be booked any time ahead. Each variant's type
     * has its one value, so a generated client reads each window as the one variant it is.
     */
    @Schema(description = "How far ahead the event type can be booked", oneOf = {BusinessDaysWindow.class,
            CalendarDaysWindow.class, RangeWindow.class}, discriminatorProperty = "type", discriminatorMapping = {
            @DiscriminatorMapping(value = "businessDays", schema = BusinessDaysWindow.class),
            @DiscriminatorMapping(value = "calendarDays", schema = CalendarDaysWindow.class),
            @DiscriminatorMapping(value = "range", schema = RangeWindow.class)})
    public sealed interface BookingWindow permits BusinessDaysWindow, CalendarDaysWindow, RangeWindow {
    }

    /** value business days ahead; rolling keeps that many bookable days in view. */
    public record BusinessDaysWindow(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "businessDays")
                                     String type, int value, boolean rolling) implements BookingWindow {
        public BusinessDaysWindow(int value, boolean rolling) {
            this("businessDays", value, rolling);
        }
    }

    /** value calendar days ahead; rolling keeps that many bookable days in view. */
    public record CalendarDaysWindow(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "calendarDays")
                                     String type, int value, boolean rolling) implements BookingWindow {
        public CalendarDaysWindow(int value, boolean rolling) {
            this("calendarDays", value, rolling);
        }
    }

    /** value is the first and the last day the event type can be booked on. */
    public record RangeWindow(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "range") String type,
                              @Schema(requiredMode = RequiredMode.REQUIRED) List<String> value)
            implements BookingWindow {
        public RangeWindow(List<String> value) {
            this("range", value);
        }
    }

    /** Layouts month, week and column. */
    public record BookerLayouts(String defaultLayout, List<String> enabledLayouts) {
    }

    /** type always or time; for time the notice (minutes or hours) under which confirmation is needed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConfirmationPolicy(String type, NoticeThreshold noticeThreshold,
                                     boolean blockUnconfirmedBookingsInBooker) {
    }

    public record NoticeThreshold(String unit, int count) {
    }

    public record Color(String lightThemeHex, String darkThemeHex) {
    }

    public record Seats(int seatsPerTimeSlot, boolean showAttendeeInfo, boolean showAvailabilityCount) {
    }

    /** minutesBefore only for rescheduling: how long before the start rescheduling stops. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Disabling(boolean disabled, Integer minutesBefore) {
    }

    /** priority lowest, low, medium, high or highest, as cal.com's HostPriority; weight and scheduleId are ours. */
    public record HostOutput(int userId, boolean mandatory, String priority, Integer weight, Integer scheduleId) {
    }
}
