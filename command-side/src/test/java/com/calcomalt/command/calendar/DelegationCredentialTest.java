package com.calcomalt.command.calendar;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.calendar.CreateDelegationCredential;
import com.calcomalt.contracts.calendar.DelegationCredentialCreated;
import com.calcomalt.contracts.calendar.DelegationCredentialDisabled;
import com.calcomalt.contracts.calendar.DelegationCredentialEnabled;
import com.calcomalt.contracts.calendar.DelegationCredentialKeyChanged;
import com.calcomalt.contracts.calendar.DelegationCredentialView;
import com.calcomalt.contracts.calendar.UpdateDelegationCredential;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DelegationCredentialTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");
    private static final String ID = "dc-1";
    private static final int ORG = 40;
    private static final int GOOGLE = 1;
    /** The web layer seals keys before the command; to the aggregate they are opaque text. */
    private static final String SEALED = "v1:c2VhbGVkIGtleQ==";
    private static final String RESEALED = "v1:YW5vdGhlciBzZWFsZWQga2V5";

    private static final Caller OLGA = new Caller(1, false, null);
    private static final Caller SYSTEM_ADMIN = new Caller(99, true, null);

    private AggregateTestFixture<DelegationCredential> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DelegationCredential.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MetaData inOrganization(Caller caller, MembershipRole role) {
        return CallerMetaData.of(caller).and(IdentityCommandFacts.ACCESS,
                new TeamAccess(caller, ORG, true, null, role, role != null, role));
    }

    private static MetaData inTeam(Caller caller, MembershipRole role) {
        return CallerMetaData.of(caller).and(IdentityCommandFacts.ACCESS,
                new TeamAccess(caller, ORG, false, null, role, true, null));
    }

    private static CreateDelegationCredential create(String domain) {
        return new CreateDelegationCredential(ID, ORG, GOOGLE, domain, SEALED);
    }

    private static DelegationCredentialCreated created() {
        return new DelegationCredentialCreated(ID, ORG, GOOGLE, "acme.com", SEALED, EARLIER);
    }

    private static DelegationCredentialEnabled enabledEarlier() {
        return new DelegationCredentialEnabled(ID, ORG, EARLIER);
    }

    // ================================================================ create

    @Test
    void an_organization_admin_records_a_delegation_credential_which_starts_disabled() {
        fixture.givenNoPriorActivity()
                .when(create("acme.com"), inOrganization(OLGA, MembershipRole.ADMIN))
                .expectEvents(new DelegationCredentialCreated(ID, ORG, GOOGLE, "acme.com", SEALED, NOW))
                .expectResultMessagePayload(new DelegationCredentialView(ID, false, "acme.com", ORG,
                        new DelegationCredentialView.WorkspacePlatform("Google", "google"), NOW, NOW, null, null));
    }

    @Test
    void the_domain_is_kept_in_lower_case_without_spaces() {
        fixture.givenNoPriorActivity()
                .when(create("  Mail.ACME.com "), inOrganization(OLGA, MembershipRole.OWNER))
                .expectEvents(new DelegationCredentialCreated(ID, ORG, GOOGLE, "mail.acme.com", SEALED, NOW));
    }

    @Test
    void a_system_admin_records_one_for_any_organization() {
        fixture.givenNoPriorActivity()
                .when(create("acme.com"), inOrganization(SYSTEM_ADMIN, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_plain_member_of_the_organization_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create("acme.com"), inOrganization(OLGA, MembershipRole.MEMBER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_caller_outside_the_organization_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create("acme.com"), inOrganization(OLGA, null))
                .expectException(AccessDenied.class);
    }

    @Test
    void an_organization_that_does_not_exist_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(create("acme.com"), CallerMetaData.of(OLGA))
                .expectException(NotFound.class)
                .expectExceptionMessage("No organization " + ORG);
    }

    @Test
    void an_unknown_caller_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create("acme.com"))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_team_that_is_not_an_organization_has_none() {
        fixture.givenNoPriorActivity()
                .when(create("acme.com"), inTeam(OLGA, MembershipRole.OWNER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Team " + ORG + " is not an organization; only organizations have"
                        + " delegation credentials");
    }

    @Test
    void a_domain_that_is_no_domain_name_is_refused() {
        for (String domain : new String[] {"acme", "@acme.com", "user@acme.com", "acme..com", "-acme.com", "acme.com.",
                "https://acme.com", "ac me.com", "", "acme.123"}) {
            fixture.givenNoPriorActivity()
                    .when(create(domain), inOrganization(OLGA, MembershipRole.ADMIN))
                    .expectException(DomainRuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Test
    void an_unknown_workspace_platform_is_refused() {
        for (int platform : new int[] {0, -1, 3}) {
            fixture.givenNoPriorActivity()
                    .when(new CreateDelegationCredential(ID, ORG, platform, "acme.com", SEALED),
                            inOrganization(OLGA, MembershipRole.ADMIN))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("No workspace platform " + platform);
        }
    }

    @Test
    void a_credential_without_a_service_account_key_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDelegationCredential(ID, ORG, GOOGLE, "acme.com", " "),
                        inOrganization(OLGA, MembershipRole.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A delegation credential needs a service account key");
    }

    // ================================================================ update

    @Test
    void enabling_records_when() {
        fixture.given(created())
                .when(new UpdateDelegationCredential(ID, ORG, null, true), inOrganization(OLGA, MembershipRole.ADMIN))
                .expectEvents(new DelegationCredentialEnabled(ID, ORG, NOW))
                .expectResultMessagePayload(new DelegationCredentialView(ID, true, "acme.com", ORG,
                        new DelegationCredentialView.WorkspacePlatform("Google", "google"), EARLIER, NOW, NOW, null));
    }

    @Test
    void disabling_records_when() {
        fixture.given(created(), enabledEarlier())
                .when(new UpdateDelegationCredential(ID, ORG, null, false), inOrganization(OLGA, MembershipRole.ADMIN))
                .expectEvents(new DelegationCredentialDisabled(ID, ORG, NOW));
    }

    @Test
    void enabling_what_is_enabled_changes_nothing() {
        fixture.given(created(), enabledEarlier())
                .when(new UpdateDelegationCredential(ID, ORG, null, true), inOrganization(OLGA, MembershipRole.ADMIN))
                .expectNoEvents();
    }

    @Test
    void a_new_key_disables_an_enabled_credential() {
        fixture.given(created(), enabledEarlier())
                .when(new UpdateDelegationCredential(ID, ORG, RESEALED, null), inOrganization(OLGA, MembershipRole.ADMIN))
                .expectEvents(new DelegationCredentialKeyChanged(ID, ORG, RESEALED, NOW),
                        new DelegationCredentialDisabled(ID, ORG, NOW));
    }

    @Test
    void a_new_key_with_enabled_true_keeps_it_enabled() {
        fixture.given(created(), enabledEarlier())
                .when(new UpdateDelegationCredential(ID, ORG, RESEALED, true), inOrganization(OLGA, MembershipRole.ADMIN))
                .expectEvents(new DelegationCredentialKeyChanged(ID, ORG, RESEALED, NOW));
    }

    @Test
    void a_new_key_for_a_disabled_credential_only_changes_the_key() {
        fixture.given(created())
                .when(new UpdateDelegationCredential(ID, ORG, RESEALED, null), inOrganization(OLGA, MembershipRole.ADMIN))
                .expectEvents(new DelegationCredentialKeyChanged(ID, ORG, RESEALED, NOW));
    }

    @Test
    void a_blank_new_key_is_refused() {
        fixture.given(created())
                .when(new UpdateDelegationCredential(ID, ORG, "", true), inOrganization(OLGA, MembershipRole.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_plain_member_cannot_enable_it() {
        fixture.given(created())
                .when(new UpdateDelegationCredential(ID, ORG, null, true), inOrganization(OLGA, MembershipRole.MEMBER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void through_another_organization_it_is_not_found() {
        fixture.given(created())
                .when(new UpdateDelegationCredential(ID, ORG + 1, null, true), CallerMetaData.of(SYSTEM_ADMIN))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void once_its_organization_is_deleted_it_is_not_found() {
        fixture.given(created())
                .when(new UpdateDelegationCredential(ID, ORG, null, true), CallerMetaData.of(SYSTEM_ADMIN))
                .expectException(NotFound.class)
                .expectExceptionMessage("No organization " + ORG);
    }
}
