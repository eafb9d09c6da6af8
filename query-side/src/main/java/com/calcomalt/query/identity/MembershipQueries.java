package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.FindMemberships;
import com.calcomalt.contracts.identity.MemberView;
import com.calcomalt.contracts.identity.MembershipView;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class MembershipQueries {

    private final MembershipRows memberships;
    private final UserRows users;
    private final IdentityVisibility visibility;

    MembershipQueries(MembershipRows memberships, UserRows users, IdentityVisibility visibility) {
        this.memberships = memberships;
        this.users = users;
        this.visibility = visibility;
    }

    /** Empty for a team that does not exist or that the caller may not see. */
    @QueryHandler
    List<MembershipView> handle(FindMemberships query) {
        if (!visibility.canSeeTeam(query.caller(), query.teamId())) {
            return List.of();
        }
        List<MembershipRow> rows = memberships.findByTeamIdOrderById(query.teamId());
        Map<Integer, UserRow> members = users.findAllById(rows.stream().map(m -> m.userId).toList()).stream()
                .collect(Collectors.toMap(u -> u.id, Function.identity()));
        return rows.stream().map(m -> {
            UserRow u = members.get(m.userId);
            return new MembershipView(m.id, m.teamId, m.userId, m.accepted, m.role, m.disableImpersonation,
                    m.createdAt, m.updatedAt, new MemberView(u.id, u.email, u.username, u.name, u.avatarUrl, u.bio,
                    u.metadata));
        }).toList();
    }
}
