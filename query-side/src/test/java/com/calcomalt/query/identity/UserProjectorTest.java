package com.calcomalt.query.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserLocked;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.identity.UserUnlocked;
import com.calcomalt.query.support.QuerySideTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class UserProjectorTest extends QuerySideTest {

    private static final Instant REGISTERED = Instant.parse("2026-10-25T00:59:59.999Z");

    @Autowired
    UserProjector projector;
    @Autowired
    TransactionTemplate transaction;

    private static UserRegistered registered(int userId, UUID uuid) {
        return new UserRegistered(userId, uuid, "ann-" + userId + "@example.com", "ann-" + userId, "Ann",
                "Europe/Berlin", "Monday", "de", 24, IdentityProvider.GOOGLE, "g-123", CreationSource.api_v2,
                REGISTERED);
    }

    private Map<String, Object> row(int userId) {
        return jdbc.queryForMap("select * from users where id = ?", userId);
    }

    @Test
    void a_registered_user_becomes_a_users_row_with_every_column_filled_as_cal_com_fills_it() {
        int userId = uniqueId();
        UUID uuid = UUID.randomUUID();

        publish("User", UserIds.aggregateId(userId), registered(userId, uuid));
        awaitProjectionsCaughtUp();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", userId);
        expected.put("username", "ann-" + userId);
        expected.put("name", "Ann");
        expected.put("email", "ann-" + userId + "@example.com");
        expected.put("bio", null);
        expected.put("timeZone", "Europe/Berlin");
        expected.put("weekStart", "Monday");
        expected.put("startTime", 0);
        expected.put("endTime", 1440);
        expected.put("created", Timestamp.valueOf(LocalDateTime.of(2026, 10, 25, 0, 59, 59, 999_000_000)));
        expected.put("bufferTime", 0);
        expected.put("emailVerified", null);
        expected.put("hideBranding", false);
        expected.put("theme", null);
        expected.put("completedOnboarding", false);
        expected.put("twoFactorEnabled", false);
        expected.put("twoFactorSecret", null);
        expected.put("locale", "de");
        expected.put("brandColor", null);
        expected.put("identityProvider", "GOOGLE");
        expected.put("identityProviderId", "g-123");
        expected.put("invitedTo", null);
        expected.put("metadata", null);
        expected.put("verified", false);
        expected.put("timeFormat", 24);
        expected.put("darkBrandColor", null);
        expected.put("trialEndsAt", null);
        expected.put("defaultScheduleId", null);
        expected.put("allowDynamicBooking", true);
        expected.put("role", "USER");
        expected.put("disableImpersonation", false);
        expected.put("organizationId", null);
        expected.put("allowSEOIndexing", true);
        expected.put("backupCodes", null);
        expected.put("receiveMonthlyDigestEmail", true);
        expected.put("avatarUrl", null);
        expected.put("locked", false);
        expected.put("appTheme", null);
        expected.put("movedToProfileId", null);
        expected.put("isPlatformManaged", false);
        expected.put("smsLockState", "UNLOCKED");
        expected.put("smsLockReviewedByAdmin", false);
        expected.put("referralLinkId", null);
        expected.put("lastActiveAt", null);
        expected.put("creationSource", "api_v2");
        expected.put("whitelistWorkflows", false);
        expected.put("requiresBookerEmailVerification", false);
        expected.put("uuid", uuid);
        expected.put("autoOptInFeatures", false);
        Map<String, Object> actual = new LinkedHashMap<>(row(userId));
        actual.replaceAll((column, value) -> value != null && value.getClass().getSimpleName().equals("PGobject")
                ? value.toString() : value);
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void columns_no_event_sets_hold_the_defaults_the_database_itself_would_give() {
        int projected = uniqueId();
        int inserted = uniqueId();
        publish("User", UserIds.aggregateId(projected), registered(projected, UUID.randomUUID()));
        awaitProjectionsCaughtUp();

        jdbc.update("insert into users (id, email, uuid) values (?, ?, ?)", inserted, "raw-" + inserted + "@x.io",
                UUID.randomUUID());
        Map<String, Object> byDatabase = row(inserted);
        Map<String, Object> byProjector = row(projected);
        jdbc.update("delete from users where id = ?", inserted);

        for (String setByEvents : new String[] {"id", "uuid", "email", "username", "name", "timeZone", "weekStart",
                "locale", "timeFormat", "identityProvider", "identityProviderId", "creationSource", "created"}) {
            byDatabase.remove(setByEvents);
            byProjector.remove(setByEvents);
        }
        assertThat(byProjector).isEqualTo(byDatabase);
    }

    @Test
    void email_profile_and_lock_changes_update_the_row() {
        int userId = uniqueId();
        Instant later = REGISTERED.plusSeconds(60);
        publish("User", UserIds.aggregateId(userId), registered(userId, UUID.randomUUID()),
                new UserEmailChanged(userId, "ann-" + userId + "@example.com", "lee-" + userId + "@example.com", later),
                new UserProfileUpdated(userId, "lee-" + userId, "Ann Lee", "Hi", "America/New_York", "Sunday", "en",
                        12, "https://img/x.png", "#111111", "#eeeeee", "dark", "light", true, false,
                        Map.of("plan", "pro"), later),
                new UserLocked(userId, later));
        awaitProjectionsCaughtUp();

        assertThat(row(userId))
                .containsEntry("email", "lee-" + userId + "@example.com")
                .containsEntry("username", "lee-" + userId)
                .containsEntry("name", "Ann Lee")
                .containsEntry("bio", "Hi")
                .containsEntry("timeZone", "America/New_York")
                .containsEntry("weekStart", "Sunday")
                .containsEntry("locale", "en")
                .containsEntry("timeFormat", 12)
                .containsEntry("avatarUrl", "https://img/x.png")
                .containsEntry("brandColor", "#111111")
                .containsEntry("darkBrandColor", "#eeeeee")
                .containsEntry("theme", "dark")
                .containsEntry("appTheme", "light")
                .containsEntry("hideBranding", true)
                .containsEntry("allowDynamicBooking", false)
                .containsEntry("locked", true);
        assertThat(jdbc.queryForObject("select metadata::text from users where id = ?", String.class, userId))
                .isEqualTo("{\"plan\": \"pro\"}");

        publish("User", UserIds.aggregateId(userId), new UserUnlocked(userId, later));
        awaitProjectionsCaughtUp();
        assertThat(row(userId)).containsEntry("locked", false);
    }

    @Test
    void handling_the_same_registration_twice_leaves_the_same_row() {
        int userId = uniqueId();
        UserRegistered event = registered(userId, UUID.randomUUID());
        transaction.executeWithoutResult(status -> projector.on(event));
        String once = jdbc.queryForObject("select row_to_json(u)::text from users u where id = ?", String.class, userId);

        transaction.executeWithoutResult(status -> projector.on(event));

        assertThat(jdbc.queryForObject("select row_to_json(u)::text from users u where id = ?", String.class, userId))
                .isEqualTo(once);
        jdbc.update("delete from users where id = ?", userId); // it has no events: a replay would not rebuild it
    }
}
