package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.LockUser;
import com.calcomalt.contracts.identity.RegisterUser;
import com.calcomalt.contracts.identity.SMSLockState;
import com.calcomalt.contracts.identity.UnlockUser;
import com.calcomalt.contracts.identity.UpdateUserProfile;
import com.calcomalt.contracts.identity.UserDetailsImported;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserLocked;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.identity.UserUnlocked;
import com.calcomalt.contracts.identity.UserView;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import org.axonframework.messaging.MetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final UUID UUID_7 = UUID.fromString("6f1c1a34-8a7e-4f7f-9d5e-2b1c4b0f7a11");

    private static final MetaData AS_ADMIN = CallerMetaData.of(new Caller(1, true, null));
    private static final MetaData AS_ANN = CallerMetaData.of(new Caller(7, false, null));
    private static final MetaData AS_SOMEONE_ELSE = CallerMetaData.of(new Caller(8, false, null));

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RegisterUser register(String email, String username, String timeZone, String weekStart,
                                         int timeFormat) {
        return new RegisterUser(7, UUID_7, email, username, "Ann Lee", timeZone, weekStart, "en", timeFormat,
                IdentityProvider.CAL, null, CreationSource.api_v2);
    }

    private static UserRegistered registered() {
        return new UserRegistered(7, UUID_7, "ann@example.com", "ann", "Ann Lee", "Europe/Berlin", "Monday", "en",
                24, IdentityProvider.CAL, null, CreationSource.api_v2, Instant.parse("2026-01-02T03:04:05.006Z"));
    }

    private static UpdateUserProfile update(String email, String username, String name, String timeZone) {
        return new UpdateUserProfile(7, email, username, name, null, timeZone, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static UserProfileUpdated profile(String username, String name, String bio, String timeZone,
                                              Map<String, Object> metadata, boolean hideBranding) {
        return new UserProfileUpdated(7, username, name, bio, timeZone, "Monday", "en", 24, null, null, null, null,
                null, hideBranding, true, metadata, NOW);
    }

    @Test
    void registering_a_user_records_who_they_are_in_lower_case_email_and_answers_with_the_user() {
        fixture.givenNoPriorActivity()
                .when(register(" Ann@Example.COM ", "ann", "Europe/Berlin", "Monday", 24), AS_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegistered(7, UUID_7, "ann@example.com", "ann", "Ann Lee", "Europe/Berlin",
                        "Monday", "en", 24, IdentityProvider.CAL, null, CreationSource.api_v2, NOW))
                .expectResultMessagePayload(new UserView(7, UUID_7, "ann@example.com", null, "ann", "Ann Lee", null,
                        null, "Europe/Berlin", "Monday", 24, "en", null, null, null, null, null, false, true, false,
                        false, false, "USER", IdentityProvider.CAL, null, null, NOW));
    }

    @Test
    void only_a_system_administrator_registers_users() {
        fixture.givenNoPriorActivity()
                .when(register("ann@example.com", "ann", "Europe/Berlin", "Monday", 24), AS_ANN)
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_change_someone_elses_profile() {
        fixture.given(registered())
                .when(update(null, null, "Mallory", null), AS_SOMEONE_ELSE)
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_system_administrator_changes_anyones_profile() {
        fixture.given(registered())
                .when(update(null, null, "Ann L.", null), AS_ADMIN)
                .expectEvents(profile("ann", "Ann L.", null, "Europe/Berlin", null, false));
    }

    /** The import gives a user's profile as the event a change would, and the columns no command sets beside it. */
    @Test
    void a_profile_change_after_the_import_keeps_the_imported_profile_and_says_nothing_of_the_imported_details() {
        fixture.given(registered(), profile("ann", "Ann Lee", "Imported bio", "Europe/Berlin", Map.of("plan", "pro"),
                        true),
                        new UserDetailsImported(7, 60, 1380, 15, NOW, true, true, "iv:totp", null, true, null, null,
                                null, false, null, true, null, false, SMSLockState.UNLOCKED, false, null, NOW, false,
                                false, false))
                .when(update(null, null, "Ann L.", null), AS_ANN)
                .expectEvents(profile("ann", "Ann L.", "Imported bio", "Europe/Berlin", Map.of("plan", "pro"), true));
    }

    @Test
    void a_team_api_key_cannot_change_its_owners_profile() {
        fixture.given(registered())
                .when(update(null, null, "Team Key", null), CallerMetaData.of(new Caller(7, false, 42)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void registering_with_an_unknown_time_zone_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(register("ann@example.com", "ann", "Europe/Atlantis", "Monday", 24), AS_ADMIN)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("'Europe/Atlantis' is not an IANA time zone")
                .expectNoEvents();
    }

    @Test
    void registering_with_an_offset_instead_of_a_time_zone_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(register("ann@example.com", "ann", "+02:00", "Monday", 24), AS_ADMIN)
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void registering_with_a_week_start_that_is_not_a_day_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(register("ann@example.com", "ann", "Europe/Berlin", "Someday", 24), AS_ADMIN)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The week starts on a day such as 'Monday', not 'Someday'")
                .expectNoEvents();
    }

    @Test
    void registering_with_a_time_format_other_than_12_or_24_hours_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(register("ann@example.com", "ann", "Europe/Berlin", "Monday", 13), AS_ADMIN)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The time format is 12 or 24 hours, not 13")
                .expectNoEvents();
    }

    @Test
    void registering_with_a_malformed_email_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(register("ann-at-example.com", "ann", "Europe/Berlin", "Monday", 24), AS_ADMIN)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("'ann-at-example.com' is not an email address")
                .expectNoEvents();
    }

    @Test
    void registering_with_a_username_of_other_characters_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(register("ann@example.com", "ann lee!", "Europe/Berlin", "Monday", 24), AS_ADMIN)
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void updating_the_profile_publishes_the_whole_profile_after_the_change() {
        fixture.given(registered())
                .when(new UpdateUserProfile(7, null, "ann.lee", null, "Hello", "America/New_York", null, null, null,
                        null, null, null, null, null, true, null, Map.of("plan", "pro")), AS_ANN)
                .expectEvents(profile("ann.lee", "Ann Lee", "Hello", "America/New_York", Map.of("plan", "pro"), true));
    }

    @Test
    void updating_the_profile_with_nothing_new_publishes_nothing() {
        fixture.given(registered())
                .when(update(null, "ann", "Ann Lee", "Europe/Berlin"), AS_ANN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changing_the_email_publishes_the_change_with_the_previous_address() {
        fixture.given(registered())
                .when(update("Ann.Lee@Example.com", null, null, null), AS_ANN)
                .expectEvents(new UserEmailChanged(7, "ann@example.com", "ann.lee@example.com", NOW));
    }

    @Test
    void changing_the_email_and_the_name_at_once_publishes_both() {
        fixture.given(registered())
                .when(update("lee@example.com", null, "Ann Lee-Smith", null), AS_ANN)
                .expectEvents(new UserEmailChanged(7, "ann@example.com", "lee@example.com", NOW),
                        profile("ann", "Ann Lee-Smith", null, "Europe/Berlin", null, false));
    }

    @Test
    void changing_the_email_to_the_same_address_in_other_letters_publishes_nothing() {
        fixture.given(registered())
                .when(update("ANN@example.com", null, null, null), AS_ANN)
                .expectNoEvents();
    }

    @Test
    void changing_to_a_malformed_email_is_rejected() {
        fixture.given(registered())
                .when(update("ann@", null, null, null), AS_ANN)
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void updating_to_an_unknown_time_zone_is_rejected() {
        fixture.given(registered())
                .when(update(null, null, null, "Mars/Olympus_Mons"), AS_ANN)
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void updating_to_an_invalid_username_is_rejected() {
        fixture.given(registered())
                .when(update(null, "-ann", null, null), AS_ANN)
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void updating_a_user_that_was_never_registered_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(update(null, null, "Nobody", null), AS_ANN)
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void locking_a_user_publishes_that_they_are_locked() {
        fixture.given(registered())
                .when(new LockUser(7), AS_ADMIN)
                .expectEvents(new UserLocked(7, NOW))
                .expectState(user -> org.assertj.core.api.Assertions.assertThat(user).extracting("locked").isEqualTo(true));
    }

    @Test
    void locking_a_locked_user_changes_nothing() {
        fixture.given(registered(), new UserLocked(7, NOW))
                .when(new LockUser(7), AS_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unlocking_a_locked_user_publishes_that_they_are_unlocked() {
        fixture.given(registered(), new UserLocked(7, NOW))
                .when(new UnlockUser(7), AS_ADMIN)
                .expectEvents(new UserUnlocked(7, NOW));
    }

    @Test
    void unlocking_a_user_who_is_not_locked_changes_nothing() {
        fixture.given(registered())
                .when(new UnlockUser(7), AS_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void locking_a_user_that_was_never_registered_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new LockUser(7), AS_ADMIN)
                .expectException(AggregateNotFoundException.class);
    }
}
