package com.calcomalt.contracts.notifications;

import java.time.Duration;

/** cal.com's TimeUnit enum, with its database labels. */
public enum TimeUnit {
    day, hour, minute;

    public Duration times(int amount) {
        return switch (this) {
            case day -> Duration.ofDays(amount);
            case hour -> Duration.ofHours(amount);
            case minute -> Duration.ofMinutes(amount);
        };
    }
}
