package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.FindPrivateLinks;
import com.calcomalt.contracts.scheduling.PrivateLinkView;
import com.calcomalt.contracts.scheduling.PrivateLinks;
import com.calcomalt.query.identity.IdentityVisibility;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event type's private links, seen by whoever may make and delete them (as the command side
 * decides it): a user's event type by whoever may act as that user, a team's by whoever runs the
 * team. Whether a link has expired is judged by the application's clock.
 */
@Component
@Transactional(readOnly = true)
class PrivateLinkQueries {

    private final EventTypeRows eventTypes;
    private final IdentityVisibility visibility;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PrivateLinkQueries(EventTypeRows eventTypes, IdentityVisibility visibility, JdbcTemplate jdbc, Clock clock) {
        this.eventTypes = eventTypes;
        this.visibility = visibility;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    Optional<PrivateLinks> handle(FindPrivateLinks query) {
        if (eventTypes.findById(query.eventTypeId()).filter(e -> changes(query.caller(), e)).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(new PrivateLinks(jdbc.query("""
                select id, link, "eventTypeId", "expiresAt", "maxUsageCount", "usageCount"
                from "HashedLink" where "eventTypeId" = ? order by id""", (rs, i) -> {
                    LocalDateTime expires = rs.getObject(4, LocalDateTime.class);
                    Instant expiresAt = expires == null ? null : expires.toInstant(ZoneOffset.UTC);
                    int maxUsageCount = rs.getInt(5);
                    int usageCount = rs.getInt(6);
                    // As cal.com judges it: a link with an expiry lives until then, whatever its use.
                    boolean expired = expiresAt != null ? expiresAt.isBefore(now)
                            : maxUsageCount > 0 && usageCount >= maxUsageCount;
                    return new PrivateLinkView(rs.getInt(1), rs.getString(2), rs.getInt(3), expired, expiresAt,
                            maxUsageCount, usageCount);
                }, query.eventTypeId())));
    }

    private boolean changes(Caller caller, EventTypeRow eventType) {
        return eventType.teamId != null ? visibility.runsTeam(caller, eventType.teamId)
                : eventType.userId != null && caller.mayActAs(eventType.userId);
    }
}
