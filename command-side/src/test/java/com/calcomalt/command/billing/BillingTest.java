package com.calcomalt.command.billing;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.command.support.CallerCommands;
import com.calcomalt.contracts.billing.BillingIds;
import com.calcomalt.contracts.billing.BillingPeriod;
import com.calcomalt.contracts.billing.BillingSet;
import com.calcomalt.contracts.billing.BillingStatusChanged;
import com.calcomalt.contracts.billing.BillingView;
import com.calcomalt.contracts.billing.ChangeBillingStatus;
import com.calcomalt.contracts.billing.SetBilling;
import com.calcomalt.contracts.billing.SubscriptionStatus;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;
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

class BillingTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int ORG = 30;
    private static final int SUB_TEAM = 31;
    private static final Caller SYSTEM_ADMIN = new Caller(99, true, null);
    private static final Caller ORG_OWNER = new Caller(1, false, null);
    private static final String ROW = BillingIds.billingRowId(ORG);

    private AggregateTestFixture<Billing> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Billing.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MetaData organization(Caller caller) {
        return CallerCommands.as(caller, IdentityCommandFacts.ACCESS,
                new TeamAccess(caller, ORG, true, ORG, caller.systemAdmin() ? null : MembershipRole.OWNER,
                        !caller.systemAdmin(), caller.systemAdmin() ? null : MembershipRole.OWNER));
    }

    private static SetBilling twoSeats(SubscriptionStatus status) {
        return new SetBilling(ORG, "ORGANIZATION", status, BillingPeriod.MONTHLY, 3700, 2, "sub_1", "si_1", "cus_1",
                START, null, null);
    }

    private static BillingSet set(Integer paidSeats, Instant createdAt, Instant updatedAt) {
        return new BillingSet(ORG, true, ROW, "sub_1", "si_1", "cus_1", SubscriptionStatus.ACTIVE, "ORGANIZATION",
                BillingPeriod.MONTHLY, 3700, paidSeats, START, null, null, createdAt, updatedAt);
    }

    @Test
    void a_system_admin_sets_an_organizations_billing_row() {
        fixture.givenNoPriorActivity()
                .when(twoSeats(SubscriptionStatus.ACTIVE), organization(SYSTEM_ADMIN))
                .expectEvents(set(2, NOW, NOW))
                .expectResultMessagePayload(BillingView.of(set(2, NOW, NOW)));
    }

    @Test
    void a_team_outside_any_organization_gets_a_team_billing_row_with_provider_ids_made_from_its_id() {
        MetaData team = CallerCommands.as(SYSTEM_ADMIN, IdentityCommandFacts.ACCESS,
                new TeamAccess(SYSTEM_ADMIN, 40, false, null, null, false, null));
        fixture.givenNoPriorActivity()
                .when(new SetBilling(40, "TEAM", SubscriptionStatus.TRIALING, null, null, null, null, null, null,
                        null, null, null), team)
                .expectEvents(new BillingSet(40, false, BillingIds.billingRowId(40), "sub_manual_40", "si_manual_40",
                        "cus_manual_40", SubscriptionStatus.TRIALING, "TEAM", null, null, null, null, null, null, NOW,
                        NOW));
    }

    @Test
    void changing_the_row_keeps_when_it_was_created() {
        fixture.given(set(2, EARLIER, EARLIER))
                .when(new SetBilling(ORG, "ORGANIZATION", SubscriptionStatus.ACTIVE, BillingPeriod.MONTHLY, 3700, 5,
                        "sub_1", "si_1", "cus_1", START, null, null), organization(SYSTEM_ADMIN))
                .expectEvents(set(5, EARLIER, NOW));
    }

    @Test
    void setting_the_row_it_has_stores_nothing() {
        fixture.given(set(2, EARLIER, EARLIER))
                .when(twoSeats(SubscriptionStatus.ACTIVE), organization(SYSTEM_ADMIN))
                .expectNoEvents();
    }

    @Test
    void an_organization_owner_cannot_change_its_billing() {
        fixture.givenNoPriorActivity()
                .when(twoSeats(SubscriptionStatus.ACTIVE), organization(ORG_OWNER))
                .expectException(AccessDenied.class);
    }

    @Test
    void an_unknown_team_has_no_billing() {
        fixture.givenNoPriorActivity()
                .when(twoSeats(SubscriptionStatus.ACTIVE), CallerCommands.as(SYSTEM_ADMIN))
                .expectException(NotFound.class);
    }

    @Test
    void a_sub_team_is_billed_by_its_organization() {
        MetaData subTeam = CallerCommands.as(SYSTEM_ADMIN, IdentityCommandFacts.ACCESS,
                new TeamAccess(SYSTEM_ADMIN, SUB_TEAM, false, ORG, null, false, null));
        fixture.givenNoPriorActivity()
                .when(new SetBilling(SUB_TEAM, "TEAM", SubscriptionStatus.ACTIVE, null, null, 2, null, null, null,
                        null, null, null), subTeam)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Team 31 is billed by its organization 30; it has no billing of its own");
    }

    @Test
    void a_row_needs_a_plan_and_a_status() {
        fixture.givenNoPriorActivity()
                .when(new SetBilling(ORG, " ", SubscriptionStatus.ACTIVE, null, null, 2, null, null, null, null, null,
                        null), organization(SYSTEM_ADMIN))
                .expectException(DomainRuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new SetBilling(ORG, "ORGANIZATION", null, null, null, 2, null, null, null, null, null, null),
                        organization(SYSTEM_ADMIN))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void paid_seats_and_prices_are_not_negative() {
        fixture.givenNoPriorActivity()
                .when(new SetBilling(ORG, "ORGANIZATION", SubscriptionStatus.ACTIVE, null, null, -1, null, null, null,
                        null, null, null), organization(SYSTEM_ADMIN))
                .expectException(DomainRuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new SetBilling(ORG, "ORGANIZATION", SubscriptionStatus.ACTIVE, null, -5, 2, null, null, null,
                        null, null, null), organization(SYSTEM_ADMIN))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void the_subscription_falls_past_due() {
        fixture.given(set(2, EARLIER, EARLIER))
                .when(new ChangeBillingStatus(ORG, SubscriptionStatus.PAST_DUE), organization(SYSTEM_ADMIN))
                .expectEvents(new BillingStatusChanged(ORG, true, ROW, SubscriptionStatus.PAST_DUE, NOW));
    }

    @Test
    void the_subscription_is_cancelled() {
        fixture.given(set(2, EARLIER, EARLIER))
                .when(new ChangeBillingStatus(ORG, SubscriptionStatus.CANCELLED), organization(SYSTEM_ADMIN))
                .expectEvents(new BillingStatusChanged(ORG, true, ROW, SubscriptionStatus.CANCELLED, NOW));
    }

    @Test
    void the_status_it_has_stores_nothing() {
        fixture.given(set(2, EARLIER, EARLIER))
                .when(new ChangeBillingStatus(ORG, SubscriptionStatus.ACTIVE), organization(SYSTEM_ADMIN))
                .expectNoEvents();
    }

    @Test
    void a_status_needs_a_billing_row() {
        fixture.givenNoPriorActivity()
                .when(new ChangeBillingStatus(ORG, SubscriptionStatus.PAST_DUE), organization(SYSTEM_ADMIN))
                .expectException(NotFound.class);
    }

    @Test
    void a_status_is_given() {
        fixture.given(set(2, EARLIER, EARLIER))
                .when(new ChangeBillingStatus(ORG, null), organization(SYSTEM_ADMIN))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void only_system_admins_change_the_status() {
        fixture.given(set(2, EARLIER, EARLIER))
                .when(new ChangeBillingStatus(ORG, SubscriptionStatus.CANCELLED), organization(ORG_OWNER))
                .expectException(AccessDenied.class);
    }
}
