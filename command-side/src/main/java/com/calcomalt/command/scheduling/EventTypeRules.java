package com.calcomalt.command.scheduling;

import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.rules.scheduling.EventTypePayment;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** The rules of an event type's settings, as cal.com keeps them. */
final class EventTypeRules {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private EventTypeRules() {
    }

    static void require(EventTypeSettings s) {
        if (s.title() == null || s.title().isBlank() || s.title().length() > 255) {
            throw new DomainRuleViolation("An event type's title has 1 to 255 characters");
        }
        if (s.slug() == null || s.slug().length() > 128 || !SLUG.matcher(s.slug()).matches()) {
            throw new DomainRuleViolation("A slug is lower-case letters and digits in words joined by '-', such as"
                    + " '30min'; '" + s.slug() + "' is not");
        }
        if (s.length() == null || s.length() <= 0) {
            throw new DomainRuleViolation("An event lasts at least a minute, not " + s.length());
        }
        if (s.seatsPerTimeSlot() != null && s.seatsPerTimeSlot() <= 0) {
            throw new DomainRuleViolation("A seated event has at least one seat");
        }
        if (s.seatsPerTimeSlot() != null && Boolean.TRUE.equals(s.requiresConfirmation())) {
            throw new DomainRuleViolation("A seated event cannot require confirmation");
        }
        nonNegative(s.minimumBookingNotice(), "minimumBookingNotice");
        nonNegative(s.beforeEventBuffer(), "beforeEventBuffer");
        nonNegative(s.afterEventBuffer(), "afterEventBuffer");
        nonNegative(s.offsetStart(), "offsetStart");
        nonNegative(s.price(), "price");
        if (s.slotInterval() != null && s.slotInterval() <= 0) {
            throw new DomainRuleViolation("Slots start at least a minute apart, not " + s.slotInterval());
        }
        if ((s.periodType() == PeriodType.rolling || s.periodType() == PeriodType.rolling_window)
                && (s.periodDays() == null || s.periodDays() <= 0)) {
            throw new DomainRuleViolation("A rolling period names how many days ahead it reaches");
        }
        if (s.periodType() == PeriodType.range && (s.periodStartDate() == null || s.periodEndDate() == null
                || !s.periodStartDate().isBefore(s.periodEndDate()))) {
            throw new DomainRuleViolation("A period range starts before it ends");
        }
        zone(s.timeZone());
        zone(s.lockedTimeZone());
        boolean paid;
        try {
            paid = EventTypePayment.of(s.metadata()).filter(EventTypePayment::paid).isPresent();
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation(e.getMessage());
        }
        // Each seat would have to pay for itself (a Payment per seat, as cal.com makes); until that is
        // built a paid seated event type would let every seat after the first book for free.
        if (paid && s.seatsPerTimeSlot() != null) {
            throw new DomainRuleViolation(PAID_SEATS);
        }
    }

    static final String PAID_SEATS = "Paid seats are not supported yet: an event type with seats takes no"
            + " payment (metadata.apps.stripe enabled with a price), and a paid event type has no seats";

    private static void nonNegative(Integer value, String what) {
        if (value != null && value < 0) {
            throw new DomainRuleViolation(what + " is not negative");
        }
    }

    private static void zone(String zone) {
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new DomainRuleViolation("'" + zone + "' is not an IANA time zone");
        }
    }
}
