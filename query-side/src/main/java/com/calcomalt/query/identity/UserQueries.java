package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.FindUserById;
import com.calcomalt.contracts.identity.FindUsersByEmail;
import com.calcomalt.contracts.identity.UserView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class UserQueries {

    private final UserRows users;
    private final IdentityVisibility visibility;

    UserQueries(UserRows users, IdentityVisibility visibility) {
        this.users = users;
        this.visibility = visibility;
    }

    @QueryHandler
    Optional<UserView> handle(FindUserById query) {
        return users.findById(query.userId())
                .filter(user -> visibility.canSeeUser(query.caller(), user.id))
                .map(UserQueries::view);
    }

    /** Emails are stored in lower case, so the lookup is case-insensitive and still uses the index. */
    @QueryHandler
    List<UserView> handle(FindUsersByEmail query) {
        return users.findByEmail(query.email().trim().toLowerCase(Locale.ROOT)).stream()
                .filter(user -> visibility.canSeeUser(query.caller(), user.id))
                .map(UserQueries::view).toList();
    }

    static UserView view(UserRow row) {
        return new UserView(row.id, row.uuid, row.email, row.emailVerified, row.username, row.name, row.bio,
                row.avatarUrl, row.timeZone, row.weekStart, row.timeFormat == null ? 12 : row.timeFormat, row.locale,
                row.defaultScheduleId, row.brandColor, row.darkBrandColor, row.theme, row.appTheme, row.hideBranding,
                !Boolean.FALSE.equals(row.allowDynamicBooking), Boolean.TRUE.equals(row.verified), row.locked,
                row.disableImpersonation, row.role.name(), row.identityProvider, row.organizationId, row.metadata, row.created);
    }
}
