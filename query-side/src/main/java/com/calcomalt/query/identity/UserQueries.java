package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.FindUserById;
import com.calcomalt.contracts.identity.FindUsersByEmail;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.UserView;
import com.calcomalt.platform.database.Timestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class UserQueries {

    /**
     * The columns of {@code users} a {@link UserView} shows, read in this order by {@link #readView}.
     * One user by id is what every {@code GET /v2/me} reads, so it is read in plain JDBC, one statement
     * outside a transaction: through JPA it cost a quarter of that request's CPU (a session, a transaction
     * and all 52 columns).
     */
    private static final String VIEW_COLUMNS = """
            id, uuid, email, "emailVerified", username, name, bio, "avatarUrl", "timeZone", "weekStart", "timeFormat",
            locale, "defaultScheduleId", "brandColor", "darkBrandColor", theme, "appTheme", "hideBranding",
            "allowDynamicBooking", verified, locked, "disableImpersonation", role::text, "identityProvider"::text,
            "organizationId", metadata::text, created""";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final UserRows users;
    private final IdentityVisibility visibility;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    UserQueries(UserRows users, IdentityVisibility visibility, JdbcTemplate jdbc, ObjectMapper json) {
        this.users = users;
        this.visibility = visibility;
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    Optional<UserView> handle(FindUserById query) {
        return jdbc.query("select " + VIEW_COLUMNS + " from users where id = ?", this::readView, query.userId()).stream()
                .findFirst()
                .filter(user -> visibility.canSeeUser(query.caller(), user.id()));
    }

    /** Emails are stored in lower case, so the lookup is case-insensitive and still uses the index. */
    @QueryHandler
    @Transactional(readOnly = true)
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

    /** The same view as {@link #view(UserRow)}, from {@link #VIEW_COLUMNS}. */
    private UserView readView(ResultSet rs, int rowNum) throws SQLException {
        Integer timeFormat = rs.getObject(11, Integer.class);
        return new UserView(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), instant(rs, 4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                timeFormat == null ? 12 : timeFormat, rs.getString(12), rs.getObject(13, Integer.class),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17), rs.getBoolean(18),
                !Boolean.FALSE.equals(rs.getObject(19, Boolean.class)), Boolean.TRUE.equals(rs.getObject(20, Boolean.class)),
                rs.getBoolean(21), rs.getBoolean(22), rs.getString(23), IdentityProvider.valueOf(rs.getString(24)),
                rs.getObject(25, Integer.class), map(rs.getString(26)), instant(rs, 27));
    }

    private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
        return Timestamps.utc(rs.getObject(column, LocalDateTime.class));
    }

    private Map<String, Object> map(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("users.metadata holds no JSON object: " + text, e);
        }
    }
}
