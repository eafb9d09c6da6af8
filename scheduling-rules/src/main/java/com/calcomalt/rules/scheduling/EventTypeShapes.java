package com.calcomalt.rules.scheduling;

import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.EventTypeView;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.rules.scheduling.EventTypeOutput.BookingField;
import com.calcomalt.rules.scheduling.EventTypeOutput.Location;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * cal.com API v2's event type shapes (2024-06-14) beside the EventType columns they are stored in,
 * both ways in one place: the command side reads a request with them, both sides answer with them.
 */
public final class EventTypeShapes {

    /** cal.com's apiToInternalintegrationsMapping, for the integrations we name. */
    private static final Map<String, String> INTEGRATIONS = Map.ofEntries(
            Map.entry("cal-video", "integrations:daily"), Map.entry("google-meet", "integrations:google:meet"),
            Map.entry("office365-video", "integrations:office365_video"), Map.entry("zoom", "integrations:zoom"),
            Map.entry("whereby-video", "integrations:whereby_video"), Map.entry("jitsi", "integrations:jitsi"),
            Map.entry("huddle", "integrations:huddle01"), Map.entry("tandem", "integrations:tandem"),
            Map.entry("webex-video", "integrations:webex_video"),
            Map.entry("facetime-video", "integrations:facetime_video"));

    /** cal.com's HostPriority: lowest 0 to highest 4, medium when not said. */
    public static final List<String> PRIORITIES = List.of("lowest", "low", "medium", "high", "highest");

    /** rrule's frequencies as cal.com stores them in recurringEvent.freq. */
    public static final List<String> FREQUENCIES = List.of("yearly", "monthly", "weekly");

    private EventTypeShapes() {
    }

    public static boolean knownIntegration(String integration) {
        return INTEGRATIONS.containsKey(integration);
    }

    /** A location as cal.com stores it in EventType.locations. */
    public static Map<String, Object> storedLocation(String type, String address, String link, String phone,
                                                     String integration, Boolean isPublic) {
        Map<String, Object> stored = new LinkedHashMap<>();
        switch (type) {
            case "address" -> {
                stored.put("type", "inPerson");
                stored.put("address", address);
                stored.put("displayLocationPublicly", isPublic);
            }
            case "link" -> {
                stored.put("type", "link");
                stored.put("link", link);
                stored.put("displayLocationPublicly", isPublic);
            }
            case "phone" -> {
                stored.put("type", "userPhone");
                stored.put("hostPhoneNumber", phone);
                stored.put("displayLocationPublicly", isPublic);
            }
            case "integration" -> stored.put("type", INTEGRATIONS.get(integration));
            case "attendeeAddress" -> stored.put("type", "attendeeInPerson");
            case "attendeePhone" -> stored.put("type", "phone");
            case "attendeeDefined" -> stored.put("type", "somewhereElse");
            case "organizersDefaultApp" -> stored.put("type", "conferencing");
            default -> throw new IllegalArgumentException("No location type " + type);
        }
        stored.values().removeIf(Objects::isNull);
        return stored;
    }

    /** A stored location as cal.com's API shows it. */
    public static Location location(Map<String, Object> stored) {
        String type = String.valueOf(stored.get("type"));
        Boolean isPublic = stored.get("displayLocationPublicly") instanceof Boolean b ? b : Boolean.FALSE;
        switch (type) {
            case "inPerson":
                return new Location("address", text(stored.get("address")), null, null, null, isPublic, null);
            case "link":
                return new Location("link", null, text(stored.get("link")), null, null, isPublic, null);
            case "userPhone":
                return new Location("phone", null, null, text(stored.get("hostPhoneNumber")), null, isPublic, null);
            case "attendeeInPerson":
                return new Location("attendeeAddress", null, null, null, null, null, null);
            case "phone":
                return new Location("attendeePhone", null, null, null, null, null, null);
            case "somewhereElse":
                return new Location("attendeeDefined", null, null, null, null, null, null);
            case "conferencing":
                return new Location("organizersDefaultApp", null, null, null, null, null, null);
            default:
                return INTEGRATIONS.entrySet().stream().filter(e -> e.getValue().equals(type)).findFirst()
                        .map(e -> new Location("integration", null, null, null, e.getKey(), null, null))
                        .orElse(new Location("unknown", null, null, null, null, null, type));
        }
    }

    /** The booker's name and email: cal.com's own fields, which an owner may relabel but not remove. */
    private static final List<String> SYSTEM_FIELDS = List.of("name", "email");

    /** A booking question as cal.com's form builder stores it in EventType.bookingFields. */
    public static Map<String, Object> storedBookingField(String type, String slug, String label, Boolean required,
                                                         String placeholder, List<String> options, Boolean hidden,
                                                         Boolean disableOnPrefill) {
        boolean system = SYSTEM_FIELDS.contains(slug);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("name", slug);
        stored.put("type", type);
        stored.put("label", label);
        stored.put("required", required == null && system ? Boolean.TRUE : required);
        stored.put("placeholder", placeholder);
        if (options != null) {
            stored.put("options", options.stream().map(o -> Map.of("label", o, "value", o)).toList());
        }
        stored.put("hidden", hidden);
        stored.put("disableOnPrefill", disableOnPrefill);
        if (system) {
            stored.put("editable", "system");
        } else {
            stored.put("editable", "user");
            stored.put("sources", List.of(Map.of("id", "user", "type", "user", "label", "User", "fieldRequired", true)));
        }
        stored.values().removeIf(Objects::isNull);
        return stored;
    }

    public static BookingField bookingField(Map<String, Object> stored) {
        List<String> options = stored.get("options") instanceof List<?> list ? list.stream()
                .map(o -> o instanceof Map<?, ?> m ? text(m.get("value")) : text(o)).toList() : null;
        return new BookingField(text(stored.get("type")), text(stored.get("name")), text(stored.get("label")),
                stored.get("required") instanceof Boolean b ? b : Boolean.FALSE, text(stored.get("placeholder")),
                options, stored.get("hidden") instanceof Boolean b ? b : Boolean.FALSE,
                stored.get("disableOnPrefill") instanceof Boolean b ? b : Boolean.FALSE,
                !"user".equals(stored.get("editable")));
    }

    /** cal.com keeps limits per PER_DAY, PER_WEEK, PER_MONTH and PER_YEAR. */
    public static Map<String, Object> storedLimits(Integer day, Integer week, Integer month, Integer year) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("PER_DAY", day);
        stored.put("PER_WEEK", week);
        stored.put("PER_MONTH", month);
        stored.put("PER_YEAR", year);
        stored.values().removeIf(Objects::isNull);
        return stored;
    }

    static EventTypeOutput.Limits limits(Map<String, Object> stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        return new EventTypeOutput.Limits(number(stored.get("PER_DAY")), number(stored.get("PER_WEEK")),
                number(stored.get("PER_MONTH")), number(stored.get("PER_YEAR")));
    }

    public static EventTypeOutput output(EventTypeView view) {
        EventTypeSettings s = view.settings();
        Map<String, Object> metadata = s.metadata() == null ? Map.of() : s.metadata();
        List<Integer> options = metadata.get("multipleDuration") instanceof List<?> list
                ? list.stream().map(EventTypeShapes::number).filter(Objects::nonNull).toList() : null;
        List<Location> locations = s.locations() == null ? List.of()
                : s.locations().stream().map(EventTypeShapes::location).toList();
        List<BookingField> fields = s.bookingFields() == null ? List.of()
                : s.bookingFields().stream().map(EventTypeShapes::bookingField).toList();
        EventTypeOutput.Recurrence recurrence = s.recurringEvent() == null || s.recurringEvent().isEmpty() ? null
                : new EventTypeOutput.Recurrence(intOr(s.recurringEvent().get("interval"), 1),
                        intOr(s.recurringEvent().get("count"), 1),
                        FREQUENCIES.get(Math.min(2, Math.max(0, intOr(s.recurringEvent().get("freq"), 2)))), false);
        EventTypeOutput.ActiveBookingsLimit active = s.maxActiveBookingsPerBooker() == null ? null
                : new EventTypeOutput.ActiveBookingsLimit(s.maxActiveBookingsPerBooker(), false);
        EventTypeOutput.BookerLayouts layouts = metadata.get("bookerLayouts") instanceof Map<?, ?> l
                ? new EventTypeOutput.BookerLayouts(layout(l.get("defaultLayout")),
                        l.get("enabledLayouts") instanceof List<?> e ? e.stream().map(EventTypeShapes::layout).toList()
                                : List.of())
                : null;
        EventTypeOutput.ConfirmationPolicy confirmation = null;
        if (Boolean.TRUE.equals(s.requiresConfirmation())) {
            EventTypeOutput.NoticeThreshold notice = metadata.get("requiresConfirmationThreshold") instanceof Map<?, ?> t
                    ? new EventTypeOutput.NoticeThreshold(text(t.get("unit")), intOr(t.get("time"), 0)) : null;
            confirmation = new EventTypeOutput.ConfirmationPolicy(notice == null ? "always" : "time", notice,
                    Boolean.TRUE.equals(s.requiresConfirmationWillBlockSlot()));
        }
        EventTypeOutput.Color color = s.eventTypeColor() == null ? null : new EventTypeOutput.Color(
                text(s.eventTypeColor().get("lightEventTypeColor")), text(s.eventTypeColor().get("darkEventTypeColor")));
        EventTypeOutput.Seats seats = s.seatsPerTimeSlot() == null ? null : new EventTypeOutput.Seats(
                s.seatsPerTimeSlot(), Boolean.TRUE.equals(s.seatsShowAttendees()),
                Boolean.TRUE.equals(s.seatsShowAvailabilityCount()));
        List<EventTypeOutput.HostOutput> hosts = view.hosts() == null ? List.of() : view.hosts().stream()
                .map(EventTypeShapes::host).toList();
        return new EventTypeOutput(view.id(), view.userId(), view.teamId(), view.parentId(), view.schedulingType(),
                s.length() == null ? 0 : s.length(), options, s.title(), s.slug(), s.description(), locations, fields,
                Boolean.TRUE.equals(s.disableGuests()), s.slotInterval(), s.minimumBookingNotice(),
                s.beforeEventBuffer(), s.afterEventBuffer(), recurrence, s.metadata(), s.price(), s.currency(),
                Boolean.TRUE.equals(s.lockTimeZoneToggleOnBookingPage()), s.seatsPerTimeSlot(),
                s.forwardParamsSuccessRedirect(), s.successRedirectUrl(), false, s.seatsShowAvailabilityCount(),
                s.scheduleId(), limits(s.bookingLimits()), active, s.onlyShowFirstAvailableSlot(),
                limits(s.durationLimits()), bookingWindow(s), layouts, confirmation,
                s.requiresBookerEmailVerification(), s.hideCalendarNotes(), color, seats, s.offsetStart(),
                s.eventName(), s.hideCalendarEventDetails(), s.hideOrganizerEmail(), s.hidden(),
                new EventTypeOutput.Disabling(Boolean.TRUE.equals(s.disableCancelling()), null),
                new EventTypeOutput.Disabling(Boolean.TRUE.equals(s.disableRescheduling()),
                        s.minimumRescheduleNotice()),
                s.interfaceLanguage(), s.allowReschedulingPastBookings(), s.allowReschedulingCancelledBookings(),
                s.assignAllTeamMembers(), s.rescheduleWithSameRoundRobinHost(), hosts, view.customInputs(),
                view.createdAt(), view.updatedAt());
    }

    /** cal.com: ROLLING counts days ahead, ROLLING_WINDOW counts bookable days, RANGE names two days. */
    private static EventTypeOutput.BookingWindow bookingWindow(EventTypeSettings s) {
        PeriodType type = s.periodType();
        if (type == null || type == PeriodType.unlimited) {
            return null;
        }
        if (type == PeriodType.range) {
            List<String> range = new ArrayList<>();
            range.add(s.periodStartDate() == null ? null : LocalDate.ofInstant(s.periodStartDate(), ZoneOffset.UTC).toString());
            range.add(s.periodEndDate() == null ? null : LocalDate.ofInstant(s.periodEndDate(), ZoneOffset.UTC).toString());
            return new EventTypeOutput.RangeWindow(range);
        }
        int days = s.periodDays() == null ? 0 : s.periodDays();
        boolean rolling = type == PeriodType.rolling_window;
        return Boolean.FALSE.equals(s.periodCountCalendarDays()) ? new EventTypeOutput.BusinessDaysWindow(days, rolling)
                : new EventTypeOutput.CalendarDaysWindow(days, rolling);
    }

    private static EventTypeOutput.HostOutput host(Host host) {
        int priority = host.priority() == null ? 2 : Math.max(0, Math.min(4, host.priority()));
        return new EventTypeOutput.HostOutput(host.userId(), host.isFixed(), PRIORITIES.get(priority), host.weight(),
                host.scheduleId());
    }

    /** cal.com stores month_view, week_view and column_view, and shows month, week and column. */
    private static String layout(Object stored) {
        return stored == null ? null : String.valueOf(stored).replace("_view", "");
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static int intOr(Object value, int otherwise) {
        return value instanceof Number n ? n.intValue() : otherwise;
    }
}
