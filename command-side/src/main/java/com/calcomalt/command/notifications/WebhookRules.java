package com.calcomalt.command.notifications;

import com.calcomalt.contracts.notifications.TimeUnit;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** What a webhook must say. Public for the cal.com import, which reports the webhooks these rules refuse. */
public final class WebhookRules {

    /** Triggers that fire at a time relative to the meeting and so need {@code time} and {@code timeUnit}. */
    static final Set<WebhookTriggerEvent> NEED_TIME = Set.of(WebhookTriggerEvent.AFTER_HOSTS_CAL_VIDEO_NO_SHOW,
            WebhookTriggerEvent.AFTER_GUESTS_CAL_VIDEO_NO_SHOW);

    private WebhookRules() {
    }

    public static String requireUrl(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !uri.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new DomainRuleViolation("A subscriber URL is an absolute http(s) URL, not " + url);
        }
        return url.strip();
    }

    public static List<WebhookTriggerEvent> requireTriggers(List<WebhookTriggerEvent> triggers) {
        if (triggers == null || triggers.isEmpty() || triggers.stream().anyMatch(Objects::isNull)) {
            throw new DomainRuleViolation("A webhook listens to at least one trigger");
        }
        return List.copyOf(new LinkedHashSet<>(triggers));
    }

    public static void requireTime(List<WebhookTriggerEvent> triggers, Integer time, TimeUnit timeUnit) {
        if ((time == null) != (timeUnit == null)) {
            throw new DomainRuleViolation("time and timeUnit go together");
        }
        if (time != null && time <= 0) {
            throw new DomainRuleViolation("time is positive, not " + time);
        }
        if (time == null && triggers.stream().anyMatch(NEED_TIME::contains)) {
            throw new DomainRuleViolation("Triggers " + NEED_TIME + " need a time and a timeUnit");
        }
    }
}
