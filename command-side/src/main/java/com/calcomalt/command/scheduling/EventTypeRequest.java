package com.calcomalt.command.scheduling;

import com.calcomalt.contracts.scheduling.EventTypeCustomInputType;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.HostAssignment;
import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.rules.scheduling.EventTypeShapes;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * The body of cal.com API v2's event type requests (2024-06-14): CreateEventTypeInput_2024_06_14,
 * with the team fields of CreateTeamEventTypeInput_2024_06_14 (schedulingType ROUND_ROBIN,
 * COLLECTIVE or MANAGED; hosts), and as a PATCH UpdateEventTypeInput_2024_06_14, where what is
 * left out stays as it is and a JsonNullable field sent as null is cleared ({@link #cleared()}), or
 * for a setting object turned off as cal.com's {"disabled": true} turns it off. Beyond cal.com's shape: metadata (as the EventType column; where
 * managedEventConfig.unlockedFields lives), price, currency, customInputs, and a host's weight and
 * scheduleId. Accepted but not kept yet (no field in our events): bookingRequiresAuthentication,
 * showOptimizedSlots, calVideoSettings, destinationCalendar, useDestinationCalendarEmail,
 * emailSettings and rrHostSubsetEnabled.
 */
record EventTypeRequest(
        @Min(1) @Max(1440) Integer lengthInMinutes, List<@NotNull @Min(1) @Max(1440) Integer> lengthInMinutesOptions,
        @Size(min = 1, max = 255) String title, @Size(min = 1, max = 255) String slug,
        @Size(max = 10_000) JsonNullable<String> description,
        @Size(max = 20) List<@NotNull @Valid LocationInput> locations,
        @Size(max = 50) List<@NotNull @Valid BookingFieldInput> bookingFields, Boolean disableGuests,
        @Positive JsonNullable<Integer> slotInterval, @PositiveOrZero Integer minimumBookingNotice,
        @PositiveOrZero Integer beforeEventBuffer, @PositiveOrZero Integer afterEventBuffer,
        @Positive JsonNullable<Integer> scheduleId, @Valid JsonNullable<LimitsInput> bookingLimitsCount,
        @Valid JsonNullable<ActiveBookingsLimitInput> bookerActiveBookingsLimit, Boolean onlyShowFirstAvailableSlot,
        @Valid JsonNullable<LimitsInput> bookingLimitsDuration, @Valid JsonNullable<BookingWindowInput> bookingWindow,
        @PositiveOrZero Integer offsetStart, @Valid BookerLayoutsInput bookerLayouts,
        @Valid JsonNullable<ConfirmationPolicyInput> confirmationPolicy,
        @Valid JsonNullable<RecurrenceInput> recurrence,
        Boolean requiresBookerEmailVerification, Boolean hideCalendarNotes, Boolean lockTimeZoneToggleOnBookingPage,
        @Valid JsonNullable<ColorInput> color, @Valid JsonNullable<SeatsInput> seats,
        @Size(max = 255) JsonNullable<String> customName, Boolean hideCalendarEventDetails,
        @Size(max = 2048) JsonNullable<String> successRedirectUrl, Boolean hideOrganizerEmail,
        Boolean hidden, @Valid DisablingInput disableCancelling, @Valid DisablingInput disableRescheduling,
        @Size(max = 16) JsonNullable<String> interfaceLanguage, Boolean allowReschedulingPastBookings,
        Boolean allowReschedulingCancelledBookings,
        @Pattern(regexp = "ROUND_ROBIN|COLLECTIVE|MANAGED", message = "is ROUND_ROBIN, COLLECTIVE or MANAGED")
        String schedulingType, @Size(max = 500) List<@NotNull @Valid HostInput> hosts, Boolean assignAllTeamMembers,
        Boolean rescheduleWithSameRoundRobinHost,
        Map<String, Object> metadata, @PositiveOrZero Integer price, @Size(min = 3, max = 3) String currency,
        @Size(max = 50) List<@NotNull @Valid CustomInputRequest> customInputs,
        Boolean bookingRequiresAuthentication, Boolean showOptimizedSlots, Map<String, Object> calVideoSettings,
        Map<String, Object> destinationCalendar, Boolean useDestinationCalendarEmail, Map<String, Object> emailSettings,
        Boolean rrHostSubsetEnabled) {

    private static final Set<String> LOCATION_TYPES = Set.of("address", "link", "phone", "integration",
            "attendeeAddress", "attendeePhone", "attendeeDefined", "organizersDefaultApp");

    /** One of cal.com's InputLocation_2024_06_14, told apart by type. */
    record LocationInput(@NotBlank String type, @Size(max = 1024) String address, @Size(max = 2048) String link,
                         @Size(max = 32) String phone, @Size(max = 64) String integration,
                         @JsonProperty("public") Boolean isPublic) {
    }

    /** A question for the booker (cal.com's custom booking fields: text, number, select, ...). */
    record BookingFieldInput(@NotBlank @Pattern(regexp = "name|email|phone|address|text|number|textarea|select"
                                     + "|multiselect|multiemail|checkbox|radio|boolean|url|splitName|radioInput",
                                     message = "is one of cal.com's booking field types") String type,
                             @Size(max = 255) String slug, @Size(max = 1024) String label, Boolean required,
                             @Size(max = 1024) String placeholder, @Size(max = 100) List<@NotNull String> options,
                             Boolean hidden, Boolean disableOnPrefill) {
    }

    record LimitsInput(@Positive Integer day, @Positive Integer week, @Positive Integer month,
                       @Positive Integer year, Boolean disabled) {
    }

    record ActiveBookingsLimitInput(@Positive Integer maximumActiveBookings, Boolean offerReschedule,
                                    Boolean disabled) {
    }

    /**
     * cal.com's BookingWindow_2024_06_14: BusinessDaysWindow, CalendarDaysWindow or RangeWindow, told
     * apart by type, or Disabled ({"disabled": true}, no type), which lets the event type be booked
     * any time ahead. Each variant's type has its one value, so a generated client sends what is meant.
     */
    @Schema(description = "How far ahead the event type can be booked; null or {\"disabled\": true} lifts the limit",
            oneOf = {BusinessDaysWindow.class, CalendarDaysWindow.class, RangeWindow.class, Disabled.class})
    @JsonDeserialize(using = BookingWindowInput.ByType.class)
    sealed interface BookingWindowInput permits BusinessDaysWindow, CalendarDaysWindow, RangeWindow, Disabled {

        Boolean disabled();

        /** The variant its type names; any other type reads as Disabled and is refused unless disabled is true. */
        final class ByType extends StdDeserializer<BookingWindowInput> {

            ByType() {
                super(BookingWindowInput.class);
            }

            @Override
            public BookingWindowInput deserialize(JsonParser parser, DeserializationContext context)
                    throws IOException {
                JsonNode window = parser.readValueAsTree();
                Class<? extends BookingWindowInput> variant = switch (window.path("type").asText("")) {
                    case "businessDays" -> BusinessDaysWindow.class;
                    case "calendarDays" -> CalendarDaysWindow.class;
                    case "range" -> RangeWindow.class;
                    default -> Disabled.class;
                };
                return context.readTreeAsValue(window, variant);
            }
        }
    }

    /** value business days ahead; rolling keeps that many bookable days in view. */
    @JsonDeserialize
    record BusinessDaysWindow(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "businessDays")
                              String type, @Schema(requiredMode = RequiredMode.REQUIRED) @Positive Integer value,
                              Boolean rolling, Boolean disabled) implements BookingWindowInput {
    }

    /** value calendar days ahead; rolling keeps that many bookable days in view. */
    @JsonDeserialize
    record CalendarDaysWindow(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "calendarDays")
                              String type, @Schema(requiredMode = RequiredMode.REQUIRED) @Positive Integer value,
                              Boolean rolling, Boolean disabled) implements BookingWindowInput {
    }

    /** value is the first and the last day the event type can be booked on, such as 2030-09-05. */
    @JsonDeserialize
    record RangeWindow(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "range") String type,
                       @Schema(requiredMode = RequiredMode.REQUIRED) @Size(min = 2, max = 2) List<String> value,
                       Boolean disabled) implements BookingWindowInput {
    }

    /** cal.com's Disabled_2024_06_14: only true is meaningful. */
    @JsonDeserialize
    record Disabled(@Schema(requiredMode = RequiredMode.REQUIRED, description = "true") Boolean disabled)
            implements BookingWindowInput {
    }

    record BookerLayoutsInput(@NotNull @Pattern(regexp = "month|week|column") String defaultLayout,
                              @NotEmpty List<@NotNull @Pattern(regexp = "month|week|column") String> enabledLayouts) {
    }

    record NoticeThresholdInput(@NotNull @Pattern(regexp = "minutes|hours") String unit,
                                @NotNull @Positive Integer count) {
    }

    record ConfirmationPolicyInput(@Pattern(regexp = "always|time", message = "is always or time") String type,
                                   @Valid NoticeThresholdInput noticeThreshold,
                                   Boolean blockUnconfirmedBookingsInBooker, Boolean disabled) {
    }

    record RecurrenceInput(@Positive Integer interval, @Positive @Max(730) Integer occurrences,
                           @Pattern(regexp = "yearly|monthly|weekly") String frequency, Boolean disabled) {
    }

    record ColorInput(@NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}") String lightThemeHex,
                      @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}") String darkThemeHex) {
    }

    record SeatsInput(@Positive @Max(1000) Integer seatsPerTimeSlot, Boolean showAttendeeInfo,
                      Boolean showAvailabilityCount, Boolean disabled) {
    }

    record DisablingInput(Boolean disabled, @PositiveOrZero Integer minutesBefore) {
    }

    /** cal.com's Host: mandatory makes a round-robin host fixed; in a COLLECTIVE one every host is. */
    record HostInput(@NotNull @Positive Integer userId, Boolean mandatory,
                     @Pattern(regexp = "lowest|low|medium|high|highest") String priority,
                     @PositiveOrZero Integer weight, @Positive Integer scheduleId) {
    }

    record CustomInputRequest(String label, Boolean required, EventTypeCustomInputType type, String placeholder,
                              List<Map<String, Object>> options) {
    }

    SchedulingType scheduling() {
        return schedulingType == null ? null : switch (schedulingType) {
            case "ROUND_ROBIN" -> SchedulingType.roundRobin;
            case "COLLECTIVE" -> SchedulingType.collective;
            default -> SchedulingType.managed;
        };
    }

    void requireCreatable() {
        if (title == null) {
            throw new InvalidInput("title", "is needed");
        }
        if (slug == null) {
            throw new InvalidInput("slug", "is needed");
        }
        if (lengthInMinutes == null) {
            throw new InvalidInput("lengthInMinutes", "is needed");
        }
    }

    /** The hosts as the aggregate takes them; a COLLECTIVE event type's hosts are all fixed. */
    List<HostAssignment> hostAssignments(SchedulingType type) {
        return hosts == null ? null : hosts.stream().map(h -> new HostAssignment(h.userId(),
                type == SchedulingType.collective || Boolean.TRUE.equals(h.mandatory()),
                h.priority() == null ? null : EventTypeShapes.PRIORITIES.indexOf(h.priority()), h.weight(),
                h.scheduleId())).toList();
    }

    /**
     * The EventType columns this request sets, as cal.com's input service turns them into columns;
     * null for what it leaves as it is. {@code currentMetadata} is what a PATCH keeps of metadata.
     */
    EventTypeSettings settings(Map<String, Object> currentMetadata, boolean hadSeats) {
        Map<String, Object> meta = metadata(currentMetadata);
        Boolean requiresConfirmation = null;
        Boolean willBlock = null;
        ConfirmationPolicyInput confirmationPolicy = given(this.confirmationPolicy);
        if (confirmationPolicy != null || nulled(this.confirmationPolicy)) {
            boolean off = confirmationPolicy == null || Boolean.TRUE.equals(confirmationPolicy.disabled());
            if (!off && confirmationPolicy.type() == null) {
                throw new InvalidInput("confirmationPolicy.type", "is always or time");
            }
            if (!off && "time".equals(confirmationPolicy.type()) && confirmationPolicy.noticeThreshold() == null) {
                throw new InvalidInput("confirmationPolicy.noticeThreshold", "is needed for type time");
            }
            requiresConfirmation = !off;
            willBlock = !off && Boolean.TRUE.equals(confirmationPolicy.blockUnconfirmedBookingsInBooker());
        }
        Integer seatsPerTimeSlot = null;
        Boolean showAttendees = null;
        Boolean showCount = null;
        SeatsInput seats = given(this.seats);
        if (seats != null || nulled(this.seats)) {
            if (seats == null || Boolean.TRUE.equals(seats.disabled())) {
                if (hadSeats) {
                    throw new InvalidInput("seats", "stay once an event type has them; change seatsPerTimeSlot");
                }
            } else {
                if (seats.seatsPerTimeSlot() == null) {
                    throw new InvalidInput("seats.seatsPerTimeSlot", "is needed");
                }
                seatsPerTimeSlot = seats.seatsPerTimeSlot();
                showAttendees = Boolean.TRUE.equals(seats.showAttendeeInfo());
                showCount = seats.showAvailabilityCount() == null || seats.showAvailabilityCount();
            }
        }
        Window window = window();
        ColorInput color = given(this.color);
        return new EventTypeSettings(title, slug, given(description), lengthInMinutes, hidden, null, storedLocations(),
                given(customName), null, window.type(), window.days(), window.start(), window.end(),
                window.calendarDays(), requiresConfirmation, willBlock, minimumBookingNotice, beforeEventBuffer,
                afterEventBuffer, given(slotInterval), seatsPerTimeSlot, showAttendees, showCount, given(scheduleId),
                storedBookingFields(), meta, limits(bookingLimitsCount), limits(bookingLimitsDuration),
                recurringEvent(), price, currency, disableGuests, hideCalendarNotes, hideCalendarEventDetails,
                given(successRedirectUrl), null, lockTimeZoneToggleOnBookingPage, null, onlyShowFirstAvailableSlot,
                color == null ? null : Map.of("lightEventTypeColor", color.lightThemeHex(),
                        "darkEventTypeColor", color.darkThemeHex()),
                offsetStart, requiresBookerEmailVerification, null,
                disableCancelling == null ? null : Boolean.TRUE.equals(disableCancelling.disabled()),
                disableRescheduling == null ? null : Boolean.TRUE.equals(disableRescheduling.disabled()),
                allowReschedulingPastBookings, allowReschedulingCancelledBookings,
                disableRescheduling == null ? null : disableRescheduling.minutesBefore(), null,
                activeBookingsLimitOff() ? null : given(bookerActiveBookingsLimit).maximumActiveBookings(),
                null, given(interfaceLanguage), null, rescheduleWithSameRoundRobinHost, assignAllTeamMembers,
                hideOrganizerEmail);
    }

    /**
     * The EventType columns this request sets to null (names of {@link EventTypeSettings}' fields): a
     * field sent as null, as cal.com's Prisma update writes it, and what turning a setting off leaves
     * behind (a lifted booking window's days and dates, an active bookings limit's maximum).
     */
    Set<String> cleared() {
        Set<String> cleared = new LinkedHashSet<>();
        Map<String, JsonNullable<?>> columns = new LinkedHashMap<>();
        columns.put("description", description);
        columns.put("slotInterval", slotInterval);
        columns.put("scheduleId", scheduleId);
        columns.put("eventName", customName);
        columns.put("successRedirectUrl", successRedirectUrl);
        columns.put("interfaceLanguage", interfaceLanguage);
        columns.put("eventTypeColor", color);
        columns.forEach((column, field) -> {
            if (nulled(field)) {
                cleared.add(column);
            }
        });
        if (window().type() == PeriodType.unlimited) {
            cleared.addAll(List.of("periodDays", "periodStartDate", "periodEndDate", "periodCountCalendarDays"));
        }
        if (activeBookingsLimitOff()
                && (given(bookerActiveBookingsLimit) != null || nulled(bookerActiveBookingsLimit))) {
            cleared.add("maxActiveBookingsPerBooker");
        }
        return cleared;
    }

    /** What a field says: its value, or null when it is left out or sent as null. */
    private static <T> T given(JsonNullable<T> field) {
        return field == null ? null : field.orElse(null);
    }

    /** Whether a field is sent as null, which turns off or clears what it sets. */
    private static boolean nulled(JsonNullable<?> field) {
        return field != null && field.isPresent() && field.get() == null;
    }

    private boolean activeBookingsLimitOff() {
        ActiveBookingsLimitInput limit = given(bookerActiveBookingsLimit);
        return limit == null || Boolean.TRUE.equals(limit.disabled());
    }

    /** Whether this request changes what cal.com keeps in metadata. */
    boolean touchesMetadata() {
        return metadata != null || lengthInMinutesOptions != null || bookerLayouts != null
                || given(confirmationPolicy) != null || nulled(confirmationPolicy);
    }

    private Map<String, Object> metadata(Map<String, Object> current) {
        if (!touchesMetadata()) {
            return null;
        }
        Map<String, Object> meta = new LinkedHashMap<>(metadata != null ? metadata
                : current == null ? Map.of() : current);
        if (lengthInMinutesOptions != null) {
            if (lengthInMinutes != null && !lengthInMinutesOptions.contains(lengthInMinutes)) {
                throw new InvalidInput("lengthInMinutesOptions", "include lengthInMinutes");
            }
            meta.put("multipleDuration", lengthInMinutesOptions);
        }
        if (bookerLayouts != null) {
            if (!bookerLayouts.enabledLayouts().contains(bookerLayouts.defaultLayout())) {
                throw new InvalidInput("bookerLayouts.defaultLayout", "is one of enabledLayouts");
            }
            meta.put("bookerLayouts", Map.of("defaultLayout", bookerLayouts.defaultLayout() + "_view",
                    "enabledLayouts", bookerLayouts.enabledLayouts().stream().map(l -> l + "_view").toList()));
        }
        ConfirmationPolicyInput confirmationPolicy = given(this.confirmationPolicy);
        if (confirmationPolicy != null || nulled(this.confirmationPolicy)) {
            NoticeThresholdInput notice = confirmationPolicy == null ? null : confirmationPolicy.noticeThreshold();
            if (notice != null && "time".equals(confirmationPolicy.type())
                    && !Boolean.TRUE.equals(confirmationPolicy.disabled())) {
                meta.put("requiresConfirmationThreshold", Map.of("time", notice.count(), "unit", notice.unit()));
            } else {
                meta.remove("requiresConfirmationThreshold");
            }
        }
        return meta;
    }

    private List<Map<String, Object>> storedLocations() {
        if (locations == null) {
            return null;
        }
        List<Map<String, Object>> stored = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            LocationInput l = locations.get(i);
            String at = "locations[" + i + "]";
            if (!LOCATION_TYPES.contains(l.type())) {
                throw new InvalidInput(at + ".type", "is one of " + String.join(", ", LOCATION_TYPES.stream().sorted()
                        .toList()));
            }
            requirePart(at, "address", l.type(), l.address());
            requirePart(at, "link", l.type(), l.link());
            requirePart(at, "phone", l.type(), l.phone());
            if ("integration".equals(l.type()) && !EventTypeShapes.knownIntegration(l.integration())) {
                throw new InvalidInput(at + ".integration", "is an integration such as cal-video, google-meet or zoom");
            }
            stored.add(EventTypeShapes.storedLocation(l.type(), l.address(), l.link(), l.phone(), l.integration(),
                    l.isPublic() == null ? Boolean.FALSE : l.isPublic()));
        }
        return stored;
    }

    private static void requirePart(String at, String part, String type, String value) {
        if (part.equals(type) && (value == null || value.isBlank())) {
            throw new InvalidInput(at + "." + part, "is needed for a location of type " + type);
        }
    }

    private List<Map<String, Object>> storedBookingFields() {
        if (bookingFields == null) {
            return null;
        }
        List<Map<String, Object>> stored = new ArrayList<>();
        for (int i = 0; i < bookingFields.size(); i++) {
            BookingFieldInput f = bookingFields.get(i);
            String slug = f.slug() != null ? f.slug() : switch (f.type()) {
                case "name", "email", "splitName" -> f.type();
                default -> throw new InvalidInput("bookingFields[" + i + "].slug", "is needed for a " + f.type()
                        + " field");
            };
            stored.add(EventTypeShapes.storedBookingField(f.type(), slug, f.label(), f.required(), f.placeholder(),
                    f.options(), f.hidden(), f.disableOnPrefill()));
        }
        return stored;
    }

    /** {} when turned off (disabled or null), as null means "as it is". */
    private static Map<String, Object> limits(JsonNullable<LimitsInput> field) {
        LimitsInput limits = given(field);
        if (limits == null) {
            return nulled(field) ? Map.of() : null;
        }
        return Boolean.TRUE.equals(limits.disabled()) ? Map.of()
                : EventTypeShapes.storedLimits(limits.day(), limits.week(), limits.month(), limits.year());
    }

    /** rrule's frequency codes, as cal.com stores recurringEvent; {} when turned off, as null means "as it is". */
    private Map<String, Object> recurringEvent() {
        RecurrenceInput recurrence = given(this.recurrence);
        if (recurrence == null) {
            return nulled(this.recurrence) ? Map.of() : null;
        }
        if (Boolean.TRUE.equals(recurrence.disabled())) {
            return Map.of();
        }
        if (recurrence.frequency() == null || recurrence.interval() == null || recurrence.occurrences() == null) {
            throw new InvalidInput("recurrence", "names frequency, interval and occurrences");
        }
        return Map.of("freq", EventTypeShapes.FREQUENCIES.indexOf(recurrence.frequency()),
                "interval", recurrence.interval(), "count", recurrence.occurrences());
    }

    private record Window(PeriodType type, Integer days, java.time.Instant start, java.time.Instant end,
                          Boolean calendarDays) {
    }

    /** cal.com: rolling counts days ahead from today (ROLLING_WINDOW counts only bookable days). */
    private Window window() {
        BookingWindowInput window = given(bookingWindow);
        if (window == null) {
            return new Window(nulled(bookingWindow) ? PeriodType.unlimited : null, null, null, null, null);
        }
        if (Boolean.TRUE.equals(window.disabled())) {
            return new Window(PeriodType.unlimited, null, null, null, null);
        }
        if (window instanceof Disabled) {
            throw new InvalidInput("bookingWindow.type", "is businessDays, calendarDays or range");
        }
        if (window instanceof RangeWindow range) {
            if (range.value() == null || range.value().size() != 2) {
                throw new InvalidInput("bookingWindow.value", "is [first day, last day] for a range");
            }
            try {
                return new Window(PeriodType.range, null, day(range.value().get(0)), day(range.value().get(1)), null);
            } catch (java.time.format.DateTimeParseException | NullPointerException e) {
                throw new InvalidInput("bookingWindow.value", "names days such as 2030-01-31");
            }
        }
        Integer days = window instanceof BusinessDaysWindow b ? b.value() : ((CalendarDaysWindow) window).value();
        Boolean rolling = window instanceof BusinessDaysWindow b ? b.rolling()
                : ((CalendarDaysWindow) window).rolling();
        if (days == null || days < 1) {
            throw new InvalidInput("bookingWindow.value", "is a number of days");
        }
        return new Window(Boolean.TRUE.equals(rolling) ? PeriodType.rolling_window : PeriodType.rolling, days, null,
                null, window instanceof CalendarDaysWindow);
    }

    private static java.time.Instant day(String day) {
        return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
