package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreateTeam;
import com.calcomalt.contracts.identity.DeleteTeam;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.OrganizationProfileCreated;
import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.OrganizationSettingsUpdated;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.identity.TeamRenamed;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.TeamSettingsUpdated;
import com.calcomalt.contracts.identity.TeamSlugChanged;
import com.calcomalt.contracts.identity.UpdateOrganizationSettings;
import com.calcomalt.contracts.identity.TeamView;
import com.calcomalt.contracts.identity.UpdateTeam;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");

    private static final int TEAM = 10;
    private static final int ORG = 20;
    private static final int SUB_TEAM = 21;
    private static final int ORG_SETTINGS_ID = 30;

    /** Ann, a plain user, who founds the teams. */
    private static final Caller ANN = new Caller(1, false, null);
    private static final UserFacts ANN_FACTS = new UserFacts(1, "ann@acme.com", "ann", false);
    /** A system administrator. */
    private static final Caller SYSTEM_ADMIN = new Caller(99, true, null);
    private static final UserFacts SYSTEM_ADMIN_FACTS = new UserFacts(99, "root@example.com", "root", false);

    /** Bob, another plain user. */
    private static final UserFacts BOB_FACTS = new UserFacts(2, "bob@acme.com", "bob", false);

    private AggregateTestFixture<Team> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(false);
    }

    /** An installation whose operator turned organization self-serve on or off (off by default). */
    private static AggregateTestFixture<Team> fixture(boolean organizationSelfServe) {
        AggregateTestFixture<Team> fixture = new AggregateTestFixture<>(Team.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new OrganizationSelfServe(organizationSelfServe));
        return fixture;
    }

    // ---------------------------------------------------------------- settings

    /** cal.com's defaults of a new team. */
    private static TeamSettings defaults() {
        return teamSettings(null, "Europe/London");
    }

    private static TeamSettings teamSettings(String bio, String timeZone) {
        return new TeamSettings(bio, false, false, null, null, null, null, null, null, null, null, null, timeZone,
                "Sunday", false, null, null, false, RRResetInterval.MONTH, RRTimestampBasis.CREATED_AT, false);
    }

    /** A change of settings: only bio and time zone, the rest stays. */
    private static TeamSettings change(String bio, String timeZone) {
        return new TeamSettings(bio, null, null, null, null, null, null, null, null, null, null, null, timeZone,
                null, null, null, null, null, null, null, null);
    }

    /** cal.com's defaults of a new organization, with its email domain. */
    private static OrganizationSettings orgDefaults(String domain) {
        return orgSettings(domain, false, false, false);
    }

    private static OrganizationSettings orgSettings(String domain, boolean verified, boolean adminReviewed,
                                                    boolean lockEventTypes) {
        return new OrganizationSettings(domain, false, verified, lockEventTypes, adminReviewed, false, false, false,
                false, false, false, true, false, false, false, false, false, false, false, false, false);
    }

    /** A change of organization settings; null stays as it is. */
    private static OrganizationSettings orgChange(String domain, Boolean verified, Boolean adminReviewed,
                                                  Boolean lockEventTypes) {
        return new OrganizationSettings(domain, null, verified, lockEventTypes, adminReviewed, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static String profileUid(int profileId) {
        return UUID.nameUUIDFromBytes(("profile:" + profileId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---------------------------------------------------------------- commands

    private static CreateTeam createTeam(String name, String slug, TeamSettings settings) {
        return new CreateTeam(TEAM, name, slug, null, false, settings, null, null, 100, 200, null);
    }

    private static CreateTeam createOrganization(OrganizationSettings settings) {
        return new CreateTeam(ORG, "Acme", "acme", null, true, null, ORG_SETTINGS_ID, settings, 101, 201, null);
    }

    /** An organization its creator makes for the user this email names, as cal.com's orgOwnerEmail. */
    private static CreateTeam createOrganizationFor(String orgOwnerEmail) {
        return new CreateTeam(ORG, "Acme", "acme", null, true, null, ORG_SETTINGS_ID,
                orgChange("acme.com", null, null, null), 101, 201, orgOwnerEmail);
    }

    private static CreateTeam createSubTeam() {
        return new CreateTeam(SUB_TEAM, "Sales", "sales", ORG, false, null, null, null, 102, 202, null);
    }

    // ---------------------------------------------------------------- metadata

    private static MetaData founding(Caller caller, UserFacts founder) {
        return CallerMetaData.of(caller).and(IdentityCommandFacts.FOUNDER, founder);
    }

    private static MetaData foundingUnder(Caller caller, UserFacts founder, TeamAccess parent) {
        return founding(caller, founder).and(IdentityCommandFacts.PARENT_ACCESS, parent);
    }

    private static MetaData withAccess(TeamAccess access) {
        return CallerMetaData.of(access.caller()).and(IdentityCommandFacts.ACCESS, access);
    }

    /** The caller's accepted role in the organization itself. */
    private static TeamAccess toOrganization(Caller caller, MembershipRole role) {
        return new TeamAccess(caller, ORG, true, ORG, role, role != null, role);
    }

    /** The caller's accepted role in a plain team. */
    private static TeamAccess toTeam(Caller caller, MembershipRole role) {
        return new TeamAccess(caller, TEAM, false, null, role, role != null, null);
    }

    /** The caller's accepted role in the organization of the sub-team, and none in the sub-team. */
    private static TeamAccess toSubTeamAsOrganization(Caller caller, MembershipRole roleInOrganization) {
        return new TeamAccess(caller, SUB_TEAM, false, ORG, null, false, roleInOrganization);
    }

    // ---------------------------------------------------------------- history

    private static TeamCreated teamCreated() {
        return new TeamCreated(TEAM, "Team", "team", null, false, defaults(), 1, EARLIER);
    }

    private static TeamCreated organizationCreated() {
        return new TeamCreated(ORG, "Acme", "acme", null, true, defaults(), 1, EARLIER);
    }

    private static OrganizationSettingsUpdated organizationSettingsCreated() {
        return new OrganizationSettingsUpdated(ORG, ORG_SETTINGS_ID, orgDefaults("acme.com"), EARLIER);
    }

    private static TeamCreated subTeamCreated() {
        return new TeamCreated(SUB_TEAM, "Sales", "sales", ORG, false, defaults(), 1, EARLIER);
    }

    // ================================================================ CreateTeam

    @Test
    void creating_a_team_publishes_it_with_default_settings_and_makes_the_founder_its_accepted_owner() {
        fixture.givenNoPriorActivity()
                .when(createTeam("Team", "team", null), founding(ANN, ANN_FACTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TeamCreated(TEAM, "Team", "team", null, false, defaults(), 1, NOW),
                        new MembershipCreated(100, TEAM, 1, MembershipRole.OWNER, true, NOW));
    }

    @Test
    void creating_a_team_with_settings_keeps_the_defaults_for_what_it_does_not_say() {
        fixture.givenNoPriorActivity()
                .when(createTeam("Team", "team", change("We sell", "Europe/Berlin")), founding(ANN, ANN_FACTS))
                .expectEvents(new TeamCreated(TEAM, "Team", "team", null, false,
                                teamSettings("We sell", "Europe/Berlin"), 1, NOW),
                        new MembershipCreated(100, TEAM, 1, MembershipRole.OWNER, true, NOW));
    }

    @Test
    void a_system_admin_creates_an_organization_with_its_settings_and_owns_it_with_a_profile_there() {
        fixture.givenNoPriorActivity()
                .when(createOrganization(orgChange(" Acme.COM ", null, null, null)),
                        founding(SYSTEM_ADMIN, SYSTEM_ADMIN_FACTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TeamCreated(ORG, "Acme", "acme", null, true, defaults(), 99, NOW),
                        new OrganizationSettingsUpdated(ORG, ORG_SETTINGS_ID, orgDefaults("acme.com"), NOW),
                        new MembershipCreated(101, ORG, 99, MembershipRole.OWNER, true, NOW),
                        new OrganizationProfileCreated(201, profileUid(201), 99, ORG, "root", NOW));
    }

    @Test
    void a_system_admin_may_create_a_verified_and_reviewed_organization() {
        fixture.givenNoPriorActivity()
                .when(createOrganization(orgChange("acme.com", true, true, null)),
                        founding(SYSTEM_ADMIN, SYSTEM_ADMIN_FACTS))
                .expectEvents(new TeamCreated(ORG, "Acme", "acme", null, true, defaults(), 99, NOW),
                        new OrganizationSettingsUpdated(ORG, ORG_SETTINGS_ID, orgSettings("acme.com", true, true,
                                false), NOW),
                        new MembershipCreated(101, ORG, 99, MembershipRole.OWNER, true, NOW),
                        new OrganizationProfileCreated(201, profileUid(201), 99, ORG, "root", NOW));
    }

    @Test
    void an_admin_of_an_organization_creates_a_sub_team_and_owns_it_without_a_new_profile() {
        fixture.givenNoPriorActivity()
                .when(createSubTeam(), foundingUnder(ANN, ANN_FACTS, toOrganization(ANN, MembershipRole.ADMIN)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TeamCreated(SUB_TEAM, "Sales", "sales", ORG, false, defaults(), 1, NOW),
                        new MembershipCreated(102, SUB_TEAM, 1, MembershipRole.OWNER, true, NOW));
    }

    @Test
    void an_organization_api_key_may_create_a_sub_team_of_its_organization() {
        Caller orgKey = new Caller(1, false, ORG);
        fixture.givenNoPriorActivity()
                .when(createSubTeam(), foundingUnder(orgKey, ANN_FACTS, toOrganization(orgKey, MembershipRole.OWNER)))
                .expectEvents(new TeamCreated(SUB_TEAM, "Sales", "sales", ORG, false, defaults(), 1, NOW),
                        new MembershipCreated(102, SUB_TEAM, 1, MembershipRole.OWNER, true, NOW));
    }

    @Test
    void a_team_cannot_be_created_without_a_known_founder() {
        fixture.givenNoPriorActivity()
                .when(createTeam("Team", "team", null), CallerMetaData.of(ANN))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_sub_team_whose_parent_does_not_exist_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createSubTeam(), founding(ANN, ANN_FACTS))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("There is no team 20 to be the parent")
                .expectNoEvents();
    }

    @Test
    void a_sub_team_whose_parent_is_not_an_organization_is_rejected() {
        TeamAccess plainParent = new TeamAccess(ANN, ORG, false, null, MembershipRole.OWNER, true, null);
        fixture.givenNoPriorActivity()
                .when(createSubTeam(), foundingUnder(ANN, ANN_FACTS, plainParent))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A sub-team's parent must be an organization; team 20 is not one")
                .expectNoEvents();
    }

    @Test
    void a_plain_member_of_an_organization_cannot_create_its_teams() {
        fixture.givenNoPriorActivity()
                .when(createSubTeam(), foundingUnder(ANN, ANN_FACTS, toOrganization(ANN, MembershipRole.MEMBER)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void someone_outside_an_organization_cannot_create_its_teams() {
        fixture.givenNoPriorActivity()
                .when(createSubTeam(), foundingUnder(ANN, ANN_FACTS, toOrganization(ANN, null)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void the_creator_of_a_sub_team_must_be_an_accepted_member_of_the_organization() {
        fixture.givenNoPriorActivity()
                .when(createSubTeam(), foundingUnder(SYSTEM_ADMIN, SYSTEM_ADMIN_FACTS,
                        toOrganization(SYSTEM_ADMIN, null)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Whoever creates a team of an organization owns it, and must first be an"
                        + " accepted member of organization 20")
                .expectNoEvents();
    }

    @Test
    void an_organization_cannot_belong_to_another_team() {
        CreateTeam nested = new CreateTeam(ORG, "Acme", "acme", TEAM, true, null, ORG_SETTINGS_ID,
                orgChange("acme.com", null, null, null), 101, 201, null);
        fixture.givenNoPriorActivity()
                .when(nested, founding(SYSTEM_ADMIN, SYSTEM_ADMIN_FACTS))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An organization cannot belong to another team")
                .expectNoEvents();
    }

    @Test
    void an_organization_without_settings_is_rejected_for_lack_of_an_email_domain() {
        fixture.givenNoPriorActivity()
                .when(createOrganization(null), founding(SYSTEM_ADMIN, SYSTEM_ADMIN_FACTS))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An organization needs orgAutoAcceptEmail, an email domain such as 'acme.com';"
                        + " 'null' is not")
                .expectNoEvents();
    }

    @Test
    void an_organization_without_an_auto_accept_email_domain_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createOrganization(orgChange(null, null, null, true)),
                        founding(SYSTEM_ADMIN, SYSTEM_ADMIN_FACTS))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_organization_with_an_invalid_auto_accept_email_domain_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createOrganization(orgChange("ann@acme.com", null, null, null)),
                        founding(SYSTEM_ADMIN, SYSTEM_ADMIN_FACTS))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An organization needs orgAutoAcceptEmail, an email domain such as 'acme.com';"
                        + " 'ann@acme.com' is not")
                .expectNoEvents();
    }

    @Test
    void only_a_system_admin_creates_a_verified_organization() {
        fixture(true).givenNoPriorActivity()
                .when(createOrganization(orgChange("acme.com", true, null, null)), founding(ANN, ANN_FACTS))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only a system administrator verifies or reviews an organization")
                .expectNoEvents();
    }

    @Test
    void only_a_system_admin_creates_an_admin_reviewed_organization() {
        fixture(true).givenNoPriorActivity()
                .when(createOrganization(orgChange("acme.com", null, true, null)), founding(ANN, ANN_FACTS))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_team_api_key_cannot_create_a_top_level_team() {
        Caller teamKey = new Caller(1, false, TEAM);
        fixture.givenNoPriorActivity()
                .when(new CreateTeam(11, "Other", "other", null, false, null, null, null, 100, 200, null),
                        founding(teamKey, ANN_FACTS))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("A team's API key cannot create other teams")
                .expectNoEvents();
    }

    @Test
    void a_team_with_an_invalid_slug_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createTeam("Team", "Sales Team", null), founding(ANN, ANN_FACTS))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A slug is lower-case letters and digits in words joined by '-', such as"
                        + " 'sales-team'; 'Sales Team' is not")
                .expectNoEvents();
    }

    @Test
    void a_team_with_a_blank_name_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createTeam("  ", "team", null), founding(ANN, ANN_FACTS))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A team's name has 1 to 255 characters")
                .expectNoEvents();
    }

    @Test
    void a_team_in_an_unknown_time_zone_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createTeam("Team", "team", change(null, "Mars/Olympus_Mons")), founding(ANN, ANN_FACTS))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("'Mars/Olympus_Mons' is not an IANA time zone")
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- who creates organizations

    @Test
    void a_system_admin_creates_an_organization_for_the_owner_its_org_owner_email_names() {
        fixture.givenNoPriorActivity()
                .when(createOrganizationFor("Ann@Acme.com"), founding(SYSTEM_ADMIN, ANN_FACTS))
                .expectEvents(new TeamCreated(ORG, "Acme", "acme", null, true, defaults(), 99, NOW),
                        new OrganizationSettingsUpdated(ORG, ORG_SETTINGS_ID, orgDefaults("acme.com"), NOW),
                        new MembershipCreated(101, ORG, 1, MembershipRole.OWNER, true, NOW),
                        new OrganizationProfileCreated(201, profileUid(201), 1, ORG, "ann", NOW));
    }

    @Test
    void an_organization_for_an_owner_email_no_user_has_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createOrganizationFor("nobody@acme.com"), CallerMetaData.of(SYSTEM_ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("There is no user with email 'nobody@acme.com' to own the organization")
                .expectNoEvents();
    }

    @Test
    void a_plain_user_cannot_create_an_organization_while_self_serve_is_off() {
        fixture.givenNoPriorActivity()
                .when(createOrganization(orgChange("acme.com", null, null, null)), founding(ANN, ANN_FACTS))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only admins can create organizations")
                .expectNoEvents();
    }

    @Test
    void with_self_serve_on_a_plain_user_creates_an_organization_they_own() {
        fixture(true).givenNoPriorActivity()
                .when(createOrganization(orgChange("acme.com", null, null, null)), founding(ANN, ANN_FACTS))
                .expectEvents(new TeamCreated(ORG, "Acme", "acme", null, true, defaults(), 1, NOW),
                        new OrganizationSettingsUpdated(ORG, ORG_SETTINGS_ID, orgDefaults("acme.com"), NOW),
                        new MembershipCreated(101, ORG, 1, MembershipRole.OWNER, true, NOW),
                        new OrganizationProfileCreated(201, profileUid(201), 1, ORG, "ann", NOW));
    }

    @Test
    void with_self_serve_on_a_plain_user_may_name_themself_as_the_owner() {
        fixture(true).givenNoPriorActivity()
                .when(createOrganizationFor("ann@acme.com"), founding(ANN, ANN_FACTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TeamCreated(ORG, "Acme", "acme", null, true, defaults(), 1, NOW),
                        new OrganizationSettingsUpdated(ORG, ORG_SETTINGS_ID, orgDefaults("acme.com"), NOW),
                        new MembershipCreated(101, ORG, 1, MembershipRole.OWNER, true, NOW),
                        new OrganizationProfileCreated(201, profileUid(201), 1, ORG, "ann", NOW));
    }

    @Test
    void a_plain_user_naming_another_owner_is_refused_even_with_self_serve_on() {
        fixture(true).givenNoPriorActivity()
                .when(createOrganizationFor("bob@acme.com"), founding(ANN, BOB_FACTS))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only a system admin creates an organization for another owner;"
                        + " you may create one you own")
                .expectNoEvents();
    }

    @Test
    void a_plain_user_naming_an_unknown_owner_is_refused_with_self_serve_on() {
        fixture(true).givenNoPriorActivity()
                .when(createOrganizationFor("nobody@acme.com"), CallerMetaData.of(ANN))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_plain_team_cannot_name_another_owner() {
        CreateTeam forBob = new CreateTeam(TEAM, "Team", "team", null, false, null, null, null, 100, 200,
                "bob@acme.com");
        fixture.givenNoPriorActivity()
                .when(forBob, founding(SYSTEM_ADMIN, BOB_FACTS))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    // ================================================================ UpdateTeam

    @Test
    void an_owner_renames_the_team() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, "Sales", null, null), withAccess(toTeam(ANN, MembershipRole.OWNER)))
                .expectEvents(new TeamRenamed(TEAM, "Sales", NOW));
    }

    @Test
    void a_change_answers_the_team_as_cal_com_shows_it_after_the_change() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, "Sales", null, change("We sell", null)),
                        withAccess(toTeam(ANN, MembershipRole.OWNER)))
                .expectResultMessagePayload(new TeamView(TEAM, null, "Sales", "team", null, null, null, null,
                        "We sell", false, false, false, false, null, null, null, null, null, null, "Europe/London",
                        "Sunday", EARLIER, null));
    }

    @Test
    void an_admin_changes_the_slug() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, null, "sales-team", null), withAccess(toTeam(ANN, MembershipRole.ADMIN)))
                .expectEvents(new TeamSlugChanged(TEAM, null, "sales-team", NOW));
    }

    @Test
    void changing_the_settings_publishes_the_whole_settings_after_the_change() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, null, null, change("We sell", "Europe/Berlin")),
                        withAccess(toTeam(ANN, MembershipRole.OWNER)))
                .expectEvents(new TeamSettingsUpdated(TEAM, teamSettings("We sell", "Europe/Berlin"), NOW));
    }

    @Test
    void renaming_and_changing_slug_and_settings_at_once_publishes_each_change() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, "Sales", "sales", change("We sell", null)),
                        withAccess(toTeam(ANN, MembershipRole.OWNER)))
                .expectEvents(new TeamRenamed(TEAM, "Sales", NOW),
                        new TeamSlugChanged(TEAM, null, "sales", NOW),
                        new TeamSettingsUpdated(TEAM, teamSettings("We sell", "Europe/London"), NOW));
    }

    @Test
    void updating_a_team_with_nothing_new_publishes_nothing() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, "Team", "team", change(null, "Europe/London")),
                        withAccess(toTeam(ANN, MembershipRole.OWNER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_plain_member_cannot_update_the_team() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, "Sales", null, null), withAccess(toTeam(ANN, MembershipRole.MEMBER)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void someone_without_access_to_the_team_cannot_update_it() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, "Sales", null, null), CallerMetaData.of(ANN))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_admin_of_the_organization_may_update_its_sub_team() {
        fixture.given(subTeamCreated())
                .when(new UpdateTeam(SUB_TEAM, "Sales EMEA", "sales-emea", null),
                        withAccess(toSubTeamAsOrganization(ANN, MembershipRole.ADMIN)))
                .expectEvents(new TeamRenamed(SUB_TEAM, "Sales EMEA", NOW),
                        new TeamSlugChanged(SUB_TEAM, ORG, "sales-emea", NOW));
    }

    @Test
    void a_plain_member_of_the_organization_cannot_update_its_sub_team() {
        fixture.given(subTeamCreated())
                .when(new UpdateTeam(SUB_TEAM, "Sales EMEA", null, null),
                        withAccess(toSubTeamAsOrganization(ANN, MembershipRole.MEMBER)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void updating_to_an_invalid_slug_is_rejected() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, null, "-sales", null), withAccess(toTeam(ANN, MembershipRole.OWNER)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void updating_to_a_blank_name_is_rejected() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, "", null, null), withAccess(toTeam(ANN, MembershipRole.OWNER)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void updating_to_an_unknown_time_zone_is_rejected() {
        fixture.given(teamCreated())
                .when(new UpdateTeam(TEAM, null, null, change(null, "Europe/Atlantis")),
                        withAccess(toTeam(ANN, MembershipRole.OWNER)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("'Europe/Atlantis' is not an IANA time zone")
                .expectNoEvents();
    }

    // ================================================================ UpdateOrganizationSettings

    @Test
    void an_admin_changes_the_organization_settings_and_the_whole_settings_are_published() {
        fixture.given(organizationCreated(), organizationSettingsCreated())
                .when(new UpdateOrganizationSettings(ORG, orgChange(" Example.ORG ", null, null, true)),
                        withAccess(toOrganization(ANN, MembershipRole.ADMIN)))
                .expectEvents(new OrganizationSettingsUpdated(ORG, ORG_SETTINGS_ID,
                        orgSettings("example.org", false, false, true), NOW));
    }

    @Test
    void changing_organization_settings_to_what_they_are_publishes_nothing() {
        fixture.given(organizationCreated(), organizationSettingsCreated())
                .when(new UpdateOrganizationSettings(ORG, orgChange("acme.com", false, false, false)),
                        withAccess(toOrganization(ANN, MembershipRole.OWNER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void organization_settings_of_a_team_that_is_not_an_organization_are_rejected() {
        fixture.given(teamCreated())
                .when(new UpdateOrganizationSettings(TEAM, orgChange(null, null, null, true)),
                        withAccess(toTeam(ANN, MembershipRole.OWNER)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Team 10 is not an organization")
                .expectNoEvents();
    }

    @Test
    void a_plain_member_cannot_change_the_organization_settings() {
        fixture.given(organizationCreated(), organizationSettingsCreated())
                .when(new UpdateOrganizationSettings(ORG, orgChange(null, null, null, true)),
                        withAccess(toOrganization(ANN, MembershipRole.MEMBER)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void changing_the_organization_email_domain_to_an_invalid_one_is_rejected() {
        fixture.given(organizationCreated(), organizationSettingsCreated())
                .when(new UpdateOrganizationSettings(ORG, orgChange("acme", null, null, null)),
                        withAccess(toOrganization(ANN, MembershipRole.OWNER)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_owner_who_is_no_system_admin_cannot_verify_the_organization() {
        fixture.given(organizationCreated(), organizationSettingsCreated())
                .when(new UpdateOrganizationSettings(ORG, orgChange(null, true, null, null)),
                        withAccess(toOrganization(ANN, MembershipRole.OWNER)))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only a system administrator verifies or reviews an organization")
                .expectNoEvents();
    }

    @Test
    void an_owner_who_is_no_system_admin_cannot_mark_the_organization_admin_reviewed() {
        fixture.given(organizationCreated(), organizationSettingsCreated())
                .when(new UpdateOrganizationSettings(ORG, orgChange(null, null, true, null)),
                        withAccess(toOrganization(ANN, MembershipRole.OWNER)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_system_admin_verifies_and_reviews_the_organization() {
        fixture.given(organizationCreated(), organizationSettingsCreated())
                .when(new UpdateOrganizationSettings(ORG, orgChange(null, true, true, null)),
                        withAccess(toOrganization(SYSTEM_ADMIN, null)))
                .expectEvents(new OrganizationSettingsUpdated(ORG, ORG_SETTINGS_ID,
                        orgSettings("acme.com", true, true, false), NOW));
    }

    // ================================================================ DeleteTeam

    @Test
    void an_owner_deletes_the_team() {
        fixture.given(teamCreated())
                .when(new DeleteTeam(TEAM), withAccess(toTeam(ANN, MembershipRole.OWNER))
                        .and(IdentityCommandFacts.HAS_SUB_TEAMS, false))
                .expectEvents(new TeamDeleted(TEAM, null, NOW));
    }

    @Test
    void deleting_answers_the_team_as_it_was() {
        fixture.given(organizationCreated(), organizationSettingsCreated())
                .when(new DeleteTeam(ORG), withAccess(toOrganization(ANN, MembershipRole.OWNER))
                        .and(IdentityCommandFacts.HAS_SUB_TEAMS, false))
                .expectResultMessagePayload(new TeamView(ORG, null, "Acme", "acme", null, null, null, null, null,
                        false, true, false, false, null, null, null, null, null, null, "Europe/London", "Sunday",
                        EARLIER, orgDefaults("acme.com")));
    }

    @Test
    void deleting_a_sub_team_names_its_organization() {
        fixture.given(subTeamCreated())
                .when(new DeleteTeam(SUB_TEAM), withAccess(toSubTeamAsOrganization(ANN, MembershipRole.OWNER))
                        .and(IdentityCommandFacts.HAS_SUB_TEAMS, false))
                .expectEvents(new TeamDeleted(SUB_TEAM, ORG, NOW));
    }

    @Test
    void an_admin_who_is_not_an_owner_cannot_delete_the_team() {
        fixture.given(teamCreated())
                .when(new DeleteTeam(TEAM), withAccess(toTeam(ANN, MembershipRole.ADMIN))
                        .and(IdentityCommandFacts.HAS_SUB_TEAMS, false))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void someone_without_access_to_the_team_cannot_delete_it() {
        fixture.given(teamCreated())
                .when(new DeleteTeam(TEAM), CallerMetaData.of(ANN).and(IdentityCommandFacts.HAS_SUB_TEAMS, false))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_organization_that_still_has_teams_cannot_be_deleted() {
        fixture.given(organizationCreated(), organizationSettingsCreated())
                .when(new DeleteTeam(ORG), withAccess(toOrganization(ANN, MembershipRole.OWNER))
                        .and(IdentityCommandFacts.HAS_SUB_TEAMS, true))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Organization 20 still has teams; delete them first")
                .expectNoEvents();
    }

    @Test
    void an_organization_without_teams_is_deleted_by_its_owner() {
        fixture.given(organizationCreated(), organizationSettingsCreated())
                .when(new DeleteTeam(ORG), withAccess(toOrganization(ANN, MembershipRole.OWNER))
                        .and(IdentityCommandFacts.HAS_SUB_TEAMS, false))
                .expectEvents(new TeamDeleted(ORG, null, NOW));
    }
}
