package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.MemberRoleChanged;
import com.calcomalt.contracts.identity.MemberView;
import com.calcomalt.contracts.identity.MembershipAccepted;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.contracts.identity.MembershipIds;
import com.calcomalt.contracts.identity.MembershipImpersonationChanged;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.MembershipView;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.platform.domain.NotFound;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A membership as cal.com's API v2 shows it (TeamMembershipOutput, with its user), folded from the
 * membership's and the member's own events: what a membership command answers, without waiting for
 * the read side. A membership that has ended is folded as it was before it ended.
 */
@Component
class DecidedMemberships {

    private final EventStore events;

    DecidedMemberships(EventStore events) {
        this.events = events;
    }

    MembershipView of(int membershipId) {
        MembershipCreated made = null;
        boolean accepted = false;
        MembershipRole role = null;
        boolean disableImpersonation = false;
        Instant updatedAt = null;
        for (Object event : payloads(MembershipIds.aggregateId(membershipId))) {
            if (event instanceof MembershipCreated e) {
                made = e;
                accepted = e.accepted();
                role = e.role();
                updatedAt = e.createdAt();
            } else if (event instanceof MembershipAccepted e) {
                accepted = true;
                updatedAt = e.acceptedAt();
            } else if (event instanceof MemberRoleChanged e) {
                role = e.role();
                updatedAt = e.changedAt();
            } else if (event instanceof MembershipImpersonationChanged e) {
                disableImpersonation = e.disableImpersonation();
                updatedAt = e.changedAt();
            }
        }
        if (made == null) {
            throw new NotFound("No membership with id " + membershipId);
        }
        return new MembershipView(membershipId, made.teamId(), made.userId(), accepted, role, disableImpersonation,
                made.createdAt(), updatedAt, member(made.userId()));
    }

    private MemberView member(int userId) {
        String email = null;
        String username = null;
        String name = null;
        String avatarUrl = null;
        String bio = null;
        Map<String, Object> metadata = null;
        for (Object event : payloads(UserIds.aggregateId(userId))) {
            if (event instanceof UserRegistered e) {
                email = e.email();
                username = e.username();
                name = e.name();
            } else if (event instanceof UserProfileUpdated e) {
                username = e.username();
                name = e.name();
                avatarUrl = e.avatarUrl();
                bio = e.bio();
                metadata = e.metadata();
            } else if (event instanceof UserEmailChanged e) {
                email = e.email();
            }
        }
        return new MemberView(userId, email, username, name, avatarUrl, bio, metadata);
    }

    private List<Object> payloads(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast)
                .toList();
    }
}
