package com.calcomalt.command.features;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.features.FeatureAssignmentView;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.RemoveTeamFeature;
import com.calcomalt.contracts.features.SetTeamFeature;
import com.calcomalt.contracts.features.TeamFeatureRemoved;
import com.calcomalt.contracts.features.TeamFeatureSet;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamFeatureTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");
    private static final int TEAM = 40;
    private static final int ORG = 30;
    private static final String SLUG = "disable-bookings";
    private static final FeatureFacts KILL_SWITCH = new FeatureFacts(SLUG, true, FeatureType.KILL_SWITCH);
    private static final FeatureFacts PERMISSION = new FeatureFacts(SLUG, true, FeatureType.PERMISSION);

    private static final Caller TOM = new Caller(1, false, null);
    private static final Caller SYSTEM_ADMIN = new Caller(99, true, null);

    private AggregateTestFixture<TeamFeature> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TeamFeature.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The caller's standing in the team (a sub-team of ORG), and the flag as the lookup has it. */
    private static MetaData facts(Caller caller, MembershipRole inTeam, MembershipRole inOrganization,
                                  FeatureFacts feature) {
        MetaData metaData = CallerMetaData.of(caller).and(IdentityCommandFacts.ACCESS,
                new TeamAccess(caller, TEAM, false, ORG, inTeam, inTeam != null, inOrganization));
        return feature == null ? metaData : metaData.and(FeatureCommandFacts.FEATURE, feature);
    }

    private static TeamFeatureSet granted() {
        return new TeamFeatureSet(TEAM, SLUG, true, "user:1", EARLIER, EARLIER);
    }

    @Test
    void a_team_admin_turns_a_kill_switch_on_for_their_team() {
        fixture.givenNoPriorActivity()
                .when(new SetTeamFeature(TEAM, SLUG, true), facts(TOM, MembershipRole.ADMIN, null, KILL_SWITCH))
                .expectEvents(new TeamFeatureSet(TEAM, SLUG, true, "user:1", NOW, NOW))
                .expectResultMessagePayload(new FeatureAssignmentView(TEAM, null, SLUG, true, "user:1", NOW, NOW));
    }

    @Test
    void an_organization_admin_sets_a_flag_for_a_sub_team() {
        fixture.givenNoPriorActivity()
                .when(new SetTeamFeature(TEAM, SLUG, false), facts(TOM, null, MembershipRole.OWNER, KILL_SWITCH))
                .expectEvents(new TeamFeatureSet(TEAM, SLUG, false, "user:1", NOW, NOW));
    }

    @Test
    void turning_a_grant_into_a_refusal_keeps_when_it_was_first_assigned() {
        fixture.given(granted())
                .when(new SetTeamFeature(TEAM, SLUG, false), facts(SYSTEM_ADMIN, null, null, KILL_SWITCH))
                .expectEvents(new TeamFeatureSet(TEAM, SLUG, false, "user:99", EARLIER, NOW));
    }

    @Test
    void setting_the_standing_the_team_has_stores_nothing() {
        fixture.given(granted())
                .when(new SetTeamFeature(TEAM, SLUG, true), facts(TOM, MembershipRole.OWNER, null, KILL_SWITCH))
                .expectSuccessfulHandlerExecution().expectNoEvents()
                .expectResultMessagePayload(new FeatureAssignmentView(TEAM, null, SLUG, true, "user:1", EARLIER,
                        EARLIER));
    }

    @Test
    void a_plain_member_may_not_set_a_flag_for_their_team() {
        fixture.givenNoPriorActivity()
                .when(new SetTeamFeature(TEAM, SLUG, true), facts(TOM, MembershipRole.MEMBER, null, KILL_SWITCH))
                .expectException(AccessDenied.class).expectNoEvents();
    }

    @Test
    void a_caller_from_outside_the_team_may_not_set_its_flags() {
        fixture.givenNoPriorActivity()
                .when(new SetTeamFeature(TEAM, SLUG, true), facts(TOM, null, null, KILL_SWITCH))
                .expectException(AccessDenied.class).expectNoEvents();
    }

    @Test
    void an_unknown_caller_may_not_set_a_flag() {
        fixture.givenNoPriorActivity()
                .when(new SetTeamFeature(TEAM, SLUG, true), MetaData.with(FeatureCommandFacts.FEATURE, KILL_SWITCH))
                .expectException(AccessDenied.class).expectNoEvents();
    }

    @Test
    void a_team_that_does_not_exist_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new SetTeamFeature(TEAM, SLUG, true), CallerMetaData.of(SYSTEM_ADMIN)
                        .and(FeatureCommandFacts.FEATURE, KILL_SWITCH))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void a_flag_that_does_not_exist_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new SetTeamFeature(TEAM, "no-such-flag", true), facts(SYSTEM_ADMIN, null, null, null))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void only_system_admins_grant_a_permission() {
        fixture.givenNoPriorActivity()
                .when(new SetTeamFeature(TEAM, SLUG, true), facts(TOM, MembershipRole.OWNER, null, PERMISSION))
                .expectException(AccessDenied.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SetTeamFeature(TEAM, SLUG, true), facts(SYSTEM_ADMIN, null, null, PERMISSION))
                .expectEvents(new TeamFeatureSet(TEAM, SLUG, true, "user:99", NOW, NOW));
    }

    @Test
    void a_team_admin_lets_the_team_inherit_the_flag_again() {
        fixture.given(granted())
                .when(new RemoveTeamFeature(TEAM, SLUG), facts(TOM, MembershipRole.ADMIN, null, KILL_SWITCH))
                .expectEvents(new TeamFeatureRemoved(TEAM, SLUG, 1, NOW));
    }

    @Test
    void a_flag_set_again_after_its_removal_is_assigned_anew() {
        fixture.given(granted(), new TeamFeatureRemoved(TEAM, SLUG, 1, EARLIER))
                .when(new SetTeamFeature(TEAM, SLUG, true), facts(TOM, MembershipRole.ADMIN, null, KILL_SWITCH))
                .expectEvents(new TeamFeatureSet(TEAM, SLUG, true, "user:1", NOW, NOW));
    }

    @Test
    void removing_a_flag_the_team_only_inherits_is_not_found() {
        fixture.given(granted(), new TeamFeatureRemoved(TEAM, SLUG, 1, EARLIER))
                .when(new RemoveTeamFeature(TEAM, SLUG), facts(TOM, MembershipRole.ADMIN, null, KILL_SWITCH))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void a_plain_member_may_not_remove_a_flag() {
        fixture.given(granted())
                .when(new RemoveTeamFeature(TEAM, SLUG), facts(TOM, MembershipRole.MEMBER, null, KILL_SWITCH))
                .expectException(AccessDenied.class).expectNoEvents();
    }
}
