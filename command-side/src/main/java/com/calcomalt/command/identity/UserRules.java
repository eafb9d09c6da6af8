package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.UpdateUserProfile;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.DayOfWeek;
import java.time.Instant;
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
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

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

    static void requireBcrypt(String hash) {
        if (hash == null || !BCRYPT.matcher(hash).matches()) {
            throw new DomainRuleViolation("A password is kept as a bcrypt hash only");
        }
    }

    static void requireSha256(String hash, String what) {
        if (hash == null || !SHA_256_HEX.matcher(hash).matches()) {
            throw new DomainRuleViolation(what + " is kept as its SHA-256 only");
        }
    }

    static void requireFuture(Instant at, Instant now, String what) {
        if (at == null || !at.isAfter(now)) {
            throw new DomainRuleViolation(what + " expires in the future, not at " + at);
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A profile change names only what changes: what it leaves out stays. */
    static User.Profile merged(User.Profile profile, UpdateUserProfile c) {
        return new User.Profile(
                keep(c.username(), profile.username()),
                keep(c.name(), profile.name()),
                keep(c.bio(), profile.bio()),
                keep(c.timeZone(), profile.timeZone()),
                keep(c.weekStart(), profile.weekStart()),
                keep(c.locale(), profile.locale()),
                keep(c.timeFormat(), profile.timeFormat()),
                keep(c.avatarUrl(), profile.avatarUrl()),
                keep(c.brandColor(), profile.brandColor()),
                keep(c.darkBrandColor(), profile.darkBrandColor()),
                keep(c.theme(), profile.theme()),
                keep(c.appTheme(), profile.appTheme()),
                keep(c.hideBranding(), profile.hideBranding()),
                keep(c.allowDynamicBooking(), profile.allowDynamicBooking()),
                keep(c.metadata(), profile.metadata()));
    }

    private static <T> T keep(T requested, T current) {
        return requested != null ? requested : current;
    }
}
