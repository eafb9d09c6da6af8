package com.calcomalt.command.identity;

import static com.calcomalt.command.identity.IdentityCommandFacts.ACCESS;
import static com.calcomalt.command.support.CallerCommands.as;

import com.calcomalt.contracts.identity.ApiKeyCreated;
import com.calcomalt.contracts.identity.ApiKeyExpiryChanged;
import com.calcomalt.contracts.identity.ApiKeyRevoked;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreateApiKey;
import com.calcomalt.contracts.identity.ExpireApiKey;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.RevokeApiKey;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.platform.security.ApiKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant IN_A_MONTH = NOW.plus(Duration.ofDays(30));

    private static final int ANN = 7;
    private static final int BOB = 8;
    private static final int TEAM_ADMIN = 9;
    private static final int SYSTEM_ADMIN = 1;
    private static final int TEAM = 5;
    private static final int ORGANIZATION = 4;

    private static final Caller ANN_CALLER = new Caller(ANN, false, null);
    private static final Caller BOB_CALLER = new Caller(BOB, false, null);
    private static final Caller TEAM_ADMIN_CALLER = new Caller(TEAM_ADMIN, false, null);
    private static final Caller SYSTEM_ADMIN_CALLER = new Caller(SYSTEM_ADMIN, true, null);

    private static final String HASH = ApiKeys.hash("cal_0123456789abcdef0123456789abcdef");

    private AggregateTestFixture<ApiKey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiKey.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** What the caller is to {@link #TEAM}, a team of its own without an organization. */
    private static TeamAccess access(Caller caller, MembershipRole roleInTeam) {
        return new TeamAccess(caller, TEAM, false, null, roleInTeam, roleInTeam != null, null);
    }

    private static CreateApiKey personalKey(int userId) {
        return new CreateApiKey("k1", userId, null, HASH, "laptop", IN_A_MONTH);
    }

    private static CreateApiKey teamKey(int userId) {
        return new CreateApiKey("k1", userId, TEAM, HASH, "ci", IN_A_MONTH);
    }

    private static ApiKeyCreated annsPersonalKey() {
        return new ApiKeyCreated("k1", ANN, null, HASH, "laptop", IN_A_MONTH, EARLIER);
    }

    private static ApiKeyCreated annsTeamKey() {
        return new ApiKeyCreated("k1", ANN, TEAM, HASH, "ci", IN_A_MONTH, EARLIER);
    }

    // ---- CreateApiKey

    @Test
    void a_user_makes_a_personal_key_for_themselves() {
        fixture.givenNoPriorActivity()
                .when(personalKey(ANN), as(ANN_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApiKeyCreated("k1", ANN, null, HASH, "laptop", IN_A_MONTH, NOW));
    }

    @Test
    void a_personal_key_without_note_or_expiry_never_expires() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiKey("k1", ANN, null, HASH, null, null), as(ANN_CALLER))
                .expectEvents(new ApiKeyCreated("k1", ANN, null, HASH, null, null, NOW));
    }

    @Test
    void a_system_admin_makes_a_personal_key_for_another_user() {
        fixture.givenNoPriorActivity()
                .when(personalKey(ANN), as(SYSTEM_ADMIN_CALLER))
                .expectEvents(new ApiKeyCreated("k1", ANN, null, HASH, "laptop", IN_A_MONTH, NOW));
    }

    @Test
    void a_user_cannot_make_a_personal_key_for_someone_else() {
        fixture.givenNoPriorActivity()
                .when(personalKey(ANN), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Users make API keys for themselves")
                .expectNoEvents();
    }

    @Test
    void a_team_key_cannot_make_a_personal_key_even_for_its_own_user() {
        Caller annsTeamKey = new Caller(ANN, false, TEAM);
        fixture.givenNoPriorActivity()
                .when(personalKey(ANN), as(annsTeamKey))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_key_cannot_be_made_without_a_known_caller() {
        fixture.givenNoPriorActivity()
                .when(personalKey(ANN))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("API keys are made by a known user")
                .expectNoEvents();
    }

    @Test
    void a_team_admin_makes_a_team_key_for_themselves() {
        fixture.givenNoPriorActivity()
                .when(teamKey(TEAM_ADMIN),
                        as(TEAM_ADMIN_CALLER, ACCESS, access(TEAM_ADMIN_CALLER, MembershipRole.ADMIN)))
                .expectEvents(new ApiKeyCreated("k1", TEAM_ADMIN, TEAM, HASH, "ci", IN_A_MONTH, NOW));
    }

    @Test
    void a_team_owner_makes_a_team_key_for_themselves() {
        fixture.givenNoPriorActivity()
                .when(teamKey(TEAM_ADMIN),
                        as(TEAM_ADMIN_CALLER, ACCESS, access(TEAM_ADMIN_CALLER, MembershipRole.OWNER)))
                .expectEvents(new ApiKeyCreated("k1", TEAM_ADMIN, TEAM, HASH, "ci", IN_A_MONTH, NOW));
    }

    @Test
    void an_admin_of_the_organization_makes_a_key_of_its_sub_team() {
        TeamAccess organizationAdmin = new TeamAccess(TEAM_ADMIN_CALLER, TEAM, false, ORGANIZATION, null, false,
                MembershipRole.ADMIN);
        fixture.givenNoPriorActivity()
                .when(teamKey(TEAM_ADMIN), as(TEAM_ADMIN_CALLER, ACCESS, organizationAdmin))
                .expectEvents(new ApiKeyCreated("k1", TEAM_ADMIN, TEAM, HASH, "ci", IN_A_MONTH, NOW));
    }

    @Test
    void a_plain_member_cannot_make_a_team_key() {
        fixture.givenNoPriorActivity()
                .when(teamKey(ANN), as(ANN_CALLER, ACCESS, access(ANN_CALLER, MembershipRole.MEMBER)))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only an admin or owner of team 5 makes its API keys")
                .expectNoEvents();
    }

    @Test
    void a_stranger_to_the_team_cannot_make_a_team_key() {
        fixture.givenNoPriorActivity()
                .when(teamKey(BOB), as(BOB_CALLER, ACCESS, access(BOB_CALLER, null)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_team_key_cannot_be_made_for_a_team_that_does_not_exist() {
        fixture.givenNoPriorActivity()
                .when(teamKey(TEAM_ADMIN), as(TEAM_ADMIN_CALLER))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_team_admin_cannot_make_a_team_key_for_someone_else() {
        fixture.givenNoPriorActivity()
                .when(teamKey(ANN), as(TEAM_ADMIN_CALLER, ACCESS, access(TEAM_ADMIN_CALLER, MembershipRole.ADMIN)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_system_admin_makes_a_team_key_for_someone_else() {
        fixture.givenNoPriorActivity()
                .when(teamKey(ANN), as(SYSTEM_ADMIN_CALLER, ACCESS, access(SYSTEM_ADMIN_CALLER, null)))
                .expectEvents(new ApiKeyCreated("k1", ANN, TEAM, HASH, "ci", IN_A_MONTH, NOW));
    }

    @Test
    void a_key_of_another_team_cannot_make_a_key_of_this_team() {
        Caller keyOfTeam6 = new Caller(TEAM_ADMIN, false, 6);
        fixture.givenNoPriorActivity()
                .when(teamKey(TEAM_ADMIN), as(keyOfTeam6, ACCESS, access(keyOfTeam6, MembershipRole.ADMIN)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_key_that_is_not_lower_case_sha_256_hex_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiKey("k1", ANN, null, HASH.toUpperCase(), null, null), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An API key is kept as its SHA-256 only")
                .expectNoEvents();
    }

    @Test
    void a_key_sent_in_the_clear_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiKey("k1", ANN, null, "cal_0123456789abcdef0123456789abcdef", null, null),
                        as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_key_with_a_hash_one_digit_short_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiKey("k1", ANN, null, HASH.substring(1), null, null), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_key_without_a_hash_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiKey("k1", ANN, null, null, null, null), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_note_of_255_characters_is_accepted() {
        String note = "n".repeat(255);
        fixture.givenNoPriorActivity()
                .when(new CreateApiKey("k1", ANN, null, HASH, note, null), as(ANN_CALLER))
                .expectEvents(new ApiKeyCreated("k1", ANN, null, HASH, note, null, NOW));
    }

    @Test
    void a_note_longer_than_255_characters_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiKey("k1", ANN, null, HASH, "n".repeat(256), null), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A key's note has at most 255 characters")
                .expectNoEvents();
    }

    @Test
    void a_new_key_that_expired_already_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiKey("k1", ANN, null, HASH, null, NOW.minusSeconds(1)), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_new_key_that_expires_right_now_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiKey("k1", ANN, null, HASH, null, NOW), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A new key expires in the future, not at " + NOW)
                .expectNoEvents();
    }

    // ---- RevokeApiKey

    @Test
    void a_user_revokes_their_own_personal_key() {
        fixture.given(annsPersonalKey())
                .when(new RevokeApiKey("k1"), as(ANN_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApiKeyRevoked("k1", ANN, null, NOW))
                .expectMarkedDeleted();
    }

    @Test
    void a_user_cannot_revoke_someone_elses_key() {
        fixture.given(annsPersonalKey())
                .when(new RevokeApiKey("k1"), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("API key k1 is not the caller's to manage")
                .expectNoEvents();
    }

    @Test
    void a_key_cannot_be_revoked_without_a_known_caller() {
        fixture.given(annsPersonalKey())
                .when(new RevokeApiKey("k1"))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_system_admin_revokes_anyones_personal_key() {
        fixture.given(annsPersonalKey())
                .when(new RevokeApiKey("k1"), as(SYSTEM_ADMIN_CALLER))
                .expectEvents(new ApiKeyRevoked("k1", ANN, null, NOW));
    }

    @Test
    void a_system_admin_revokes_a_team_key() {
        fixture.given(annsTeamKey())
                .when(new RevokeApiKey("k1"), as(SYSTEM_ADMIN_CALLER))
                .expectEvents(new ApiKeyRevoked("k1", ANN, TEAM, NOW));
    }

    @Test
    void a_team_admin_revokes_a_team_key_someone_else_made() {
        fixture.given(annsTeamKey())
                .when(new RevokeApiKey("k1"),
                        as(TEAM_ADMIN_CALLER, ACCESS, access(TEAM_ADMIN_CALLER, MembershipRole.ADMIN)))
                .expectEvents(new ApiKeyRevoked("k1", ANN, TEAM, NOW));
    }

    @Test
    void the_maker_of_a_team_key_who_no_longer_runs_the_team_cannot_revoke_it() {
        fixture.given(annsTeamKey())
                .when(new RevokeApiKey("k1"), as(ANN_CALLER, ACCESS, access(ANN_CALLER, MembershipRole.MEMBER)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_team_key_cannot_be_revoked_by_a_non_admin_without_facts_about_the_team() {
        fixture.given(annsTeamKey())
                .when(new RevokeApiKey("k1"), as(ANN_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_revoked_key_is_gone_and_takes_no_further_commands() {
        fixture.given(annsPersonalKey(), new ApiKeyRevoked("k1", ANN, null, EARLIER))
                .when(new RevokeApiKey("k1"), as(ANN_CALLER))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void a_revoked_key_cannot_be_expired() {
        fixture.given(annsPersonalKey(), new ApiKeyRevoked("k1", ANN, null, EARLIER))
                .when(new ExpireApiKey("k1", null), as(ANN_CALLER))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void revoking_a_key_that_was_never_made_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new RevokeApiKey("k1"), as(ANN_CALLER))
                .expectException(AggregateNotFoundException.class);
    }

    // ---- ExpireApiKey

    @Test
    void a_user_sets_when_their_key_expires() {
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        fixture.given(annsPersonalKey())
                .when(new ExpireApiKey("k1", tomorrow), as(ANN_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApiKeyExpiryChanged("k1", ANN, tomorrow, NOW));
    }

    @Test
    void expiring_a_key_without_a_time_expires_it_now() {
        fixture.given(annsPersonalKey())
                .when(new ExpireApiKey("k1", null), as(ANN_CALLER))
                .expectEvents(new ApiKeyExpiryChanged("k1", ANN, NOW, NOW));
    }

    @Test
    void a_system_admin_expires_anyones_key() {
        fixture.given(annsPersonalKey())
                .when(new ExpireApiKey("k1", null), as(SYSTEM_ADMIN_CALLER))
                .expectEvents(new ApiKeyExpiryChanged("k1", ANN, NOW, NOW));
    }

    @Test
    void a_team_admin_expires_a_team_key() {
        fixture.given(annsTeamKey())
                .when(new ExpireApiKey("k1", null),
                        as(TEAM_ADMIN_CALLER, ACCESS, access(TEAM_ADMIN_CALLER, MembershipRole.OWNER)))
                .expectEvents(new ApiKeyExpiryChanged("k1", ANN, NOW, NOW));
    }

    @Test
    void a_stranger_cannot_expire_someone_elses_key() {
        fixture.given(annsPersonalKey())
                .when(new ExpireApiKey("k1", null), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_plain_member_cannot_expire_a_team_key() {
        fixture.given(annsTeamKey())
                .when(new ExpireApiKey("k1", null), as(BOB_CALLER, ACCESS, access(BOB_CALLER, MembershipRole.MEMBER)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void expiring_cannot_extend_a_keys_life() {
        fixture.given(annsPersonalKey())
                .when(new ExpireApiKey("k1", IN_A_MONTH.plusSeconds(1)), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_key_that_never_expires_may_be_given_any_expiry() {
        fixture.given(new ApiKeyCreated("k1", ANN, null, HASH, "laptop", null, EARLIER))
                .when(new ExpireApiKey("k1", IN_A_MONTH.plusSeconds(3600)), as(ANN_CALLER))
                .expectEvents(new ApiKeyExpiryChanged("k1", ANN, IN_A_MONTH.plusSeconds(3600), NOW));
    }
}
