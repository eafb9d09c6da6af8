package com.calcomalt.command.identity;

import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The rules every user's data keeps, whichever command brings it. */
final class UserRules {

    static final Set<String> WEEK_DAYS = Arrays.stream(DayOfWeek.values())
            .map(d -> d.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH))
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private UserRules() {
    }

    static void requireEmail(String email) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw new DomainRuleViolation("'" + email + "' is not an email address");
        }
    }

    /** cal.com keeps emails in lower case, so "Ann@X.io" and "ann@x.io" are one address. */
    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static void requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new DomainRuleViolation("A username has 1 to 64 letters, digits, '.', '_' or '-' and starts with"
                    + " a letter or digit; '" + username + "' does not");
        }
    }

    static void requireTimeZone(String timeZone) {
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw new DomainRuleViolation("'" + timeZone + "' is not an IANA time zone");
        }
    }

    static void requireWeekStart(String weekStart) {
        if (!WEEK_DAYS.contains(weekStart)) {
            throw new DomainRuleViolation("The week starts on a day such as 'Monday', not '" + weekStart + "'");
        }
    }

    static void requireTimeFormat(int timeFormat) {
        if (timeFormat != 12 && timeFormat != 24) {
            throw new DomainRuleViolation("The time format is 12 or 24 hours, not " + timeFormat);
        }
    }
}
