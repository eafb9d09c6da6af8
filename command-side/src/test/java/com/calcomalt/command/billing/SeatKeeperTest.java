package com.calcomalt.command.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.command.support.CallerCommands;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.billing.BillingIds;
import com.calcomalt.contracts.billing.BillingSet;
import com.calcomalt.contracts.billing.ChangeBillingStatus;
import com.calcomalt.contracts.billing.SeatTaken;
import com.calcomalt.contracts.billing.SetBilling;
import com.calcomalt.contracts.billing.SubscriptionStatus;
import com.calcomalt.contracts.features.CreateFeature;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.SetTeamFeature;
import com.calcomalt.contracts.features.UpdateFeature;
import com.calcomalt.contracts.identity.AcceptMembership;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreateTeam;
import com.calcomalt.contracts.identity.InviteMember;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.RemoveMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Seats follow memberships in their own transactions, and the limit holds under concurrent accepts. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SeatKeeperTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    IdAllocator ids;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore events;
    @Autowired
    PlatformTransactionManager transactions;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private CallerCommands callers;
    private Caller owner;
    private int orgId;

    @BeforeEach
    void organization() {
        callers = new CallerCommands(commands, ids);
        owner = callers.user("o", "UTC");
        orgId = ids.next("Team");
        String ownerEmail = jdbc.queryForObject("select email_lower from command_side.user_registry where user_id = ?",
                String.class, owner.userId());
        callers.send(new CreateTeam(orgId, "Org " + orgId, "o-" + orgId + "-" + tag, null, true, null,
                ids.next("OrganizationSettings"), new OrganizationSettings("nobody-" + tag + ".example", null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null), ids.next("Membership"), ids.next("Profile"), ownerEmail), CallerCommands.ADMIN);
        try {
            callers.send(new CreateFeature(SeatKeeper.SEAT_BILLING, true, null, FeatureType.OPERATIONAL),
                    CallerCommands.ADMIN);
        } catch (RuntimeException exists) {
            callers.send(new UpdateFeature(SeatKeeper.SEAT_BILLING, true, null, null, null), CallerCommands.ADMIN);
        }
    }

    private void billing(Integer paidSeats) {
        callers.send(new SetBilling(orgId, "ORGANIZATION", SubscriptionStatus.ACTIVE, null, null, paidSeats,
                "sub_" + orgId + tag, null, null, null, null, null), CallerCommands.ADMIN);
    }

    private void seatBilling(boolean on) {
        callers.send(new SetTeamFeature(orgId, SeatKeeper.SEAT_BILLING, on), CallerCommands.ADMIN);
    }

    private int invite(Caller user) {
        int membershipId = ids.next("Membership");
        callers.send(new InviteMember(membershipId, orgId, user.userId(), MembershipRole.MEMBER, ids.next("Profile"),
                false, false),
                owner);
        return membershipId;
    }

    private void accept(int membershipId, Caller user) {
        callers.send(new AcceptMembership(membershipId, ids.next("Profile")), user);
    }

    private int seats() {
        return jdbc.queryForObject("select count(*) from command_side.seats where org_id = ?", Integer.class, orgId);
    }

    private int seatsTaken() {
        return jdbc.queryForObject("select seats_taken from command_side.billing where team_id = ?", Integer.class,
                orgId);
    }

    @Test
    void accepted_members_take_the_paid_seats_and_a_removed_one_gives_theirs_back() {
        billing(3);
        seatBilling(true);
        Caller ann = callers.user("a", "UTC");
        Caller bob = callers.user("b", "UTC");
        Caller cat = callers.user("c", "UTC");
        int annMembership = invite(ann);
        accept(annMembership, ann);
        accept(invite(bob), bob);
        assertThat(seats()).as("the founder's, Ann's and Bob's").isEqualTo(3);

        assertThatThrownBy(() -> invite(cat)).isInstanceOf(SeatLimitReached.class)
                .hasMessageContaining("All 3 paid seats of team " + orgId + " are taken");
        assertThat(jdbc.queryForObject("select count(*) from command_side.team_members where team_id = ?"
                + " and user_id = ?", Integer.class, orgId, cat.userId())).as("the refused invitation stores nothing")
                .isZero();

        callers.send(new RemoveMember(annMembership), owner);
        assertThat(seats()).isEqualTo(2);
        assertThat(seatsTaken()).isEqualTo(2);
        accept(invite(cat), cat);
        assertThat(seats()).isEqualTo(3);
    }

    @Test
    void a_pending_invitation_accepted_once_the_seats_are_gone_is_refused() {
        billing(2);
        seatBilling(true);
        Caller ann = callers.user("a", "UTC");
        Caller bob = callers.user("b", "UTC");
        int annMembership = invite(ann);
        int bobMembership = invite(bob);
        accept(annMembership, ann);

        assertThatThrownBy(() -> accept(bobMembership, bob)).isInstanceOf(SeatLimitReached.class);
        assertThat(seats()).isEqualTo(2);
    }

    @Test
    void a_past_due_organization_keeps_its_members_but_adds_none() {
        billing(5);
        seatBilling(true);
        Caller ann = callers.user("a", "UTC");
        Caller bob = callers.user("b", "UTC");
        accept(invite(ann), ann);
        int bobMembership = invite(bob);
        callers.send(new ChangeBillingStatus(orgId, SubscriptionStatus.PAST_DUE), CallerCommands.ADMIN);

        assertThatThrownBy(() -> accept(bobMembership, bob)).isInstanceOf(SeatLimitReached.class)
                .hasMessageContaining("PAST_DUE");
        assertThatThrownBy(() -> invite(callers.user("c", "UTC"))).isInstanceOf(SeatLimitReached.class);
        assertThat(seats()).isEqualTo(2);

        callers.send(new ChangeBillingStatus(orgId, SubscriptionStatus.ACTIVE), CallerCommands.ADMIN);
        accept(bobMembership, bob);
        assertThat(seats()).isEqualTo(3);
    }

    @Test
    void without_the_seat_billing_flag_no_seat_is_taken_or_limited() {
        billing(1);
        seatBilling(false);
        Caller ann = callers.user("a", "UTC");
        Caller bob = callers.user("b", "UTC");
        accept(invite(ann), ann);
        accept(invite(bob), bob);
        assertThat(seats()).isZero();
    }

    @Test
    void twenty_concurrent_accepts_for_the_last_seat_leave_exactly_one_taken() throws Exception {
        billing(3);
        seatBilling(true);
        Caller first = callers.user("a", "UTC");
        accept(invite(first), first);
        List<Callable<Boolean>> accepts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Caller user = callers.user("r", "UTC");
            int membershipId = invite(user);
            accepts.add(() -> {
                try {
                    accept(membershipId, user);
                    return true;
                } catch (SeatLimitReached refused) {
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        int accepted = 0;
        try {
            for (Future<Boolean> result : pool.invokeAll(accepts)) {
                accepted += result.get() ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }

        assertThat(accepted).isEqualTo(1);
        assertThat(seats()).isEqualTo(3);
        assertThat(seatsTaken()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- members accepted before seat billing

    private List<String> seatLog() {
        return jdbc.query("""
                select user_id from command_side.seats where org_id = ? order by user_id""",
                (rs, i) -> String.valueOf(rs.getInt(1)), orgId);
    }

    /** Who the change log will say brought the member's latest seat. */
    private Integer triggeredBy(Caller member) {
        return events.readEvents(BillingIds.seat(orgId, member.userId())).asStream()
                .map(DomainEventMessage::getPayload).filter(SeatTaken.class::isInstance).map(SeatTaken.class::cast)
                .reduce((first, second) -> second).orElseThrow().triggeredBy();
    }

    @Test
    void turning_seat_billing_on_seats_the_founder_and_the_members_accepted_before() {
        Caller ann = callers.user("a", "UTC");
        accept(invite(ann), ann);
        billing(5);
        assertThat(seats()).as("no seat while the flag is off").isZero();

        seatBilling(true);

        assertThat(seatLog()).containsExactlyInAnyOrder(String.valueOf(owner.userId()), String.valueOf(ann.userId()));
        assertThat(seatsTaken()).isEqualTo(2);
        assertThat(triggeredBy(owner)).as("who turned seat billing on").isEqualTo(CallerCommands.ADMIN.userId());
    }

    @Test
    void setting_up_billing_where_the_flag_is_on_seats_the_members_accepted_before() {
        seatBilling(true);
        Caller ann = callers.user("a", "UTC");
        accept(invite(ann), ann);
        assertThat(seats()).as("no billing row, no seats").isZero();

        billing(null);

        assertThat(seats()).isEqualTo(2);
        billing(null);
        assertThat(seatsTaken()).as("setting the row again seats no one twice").isEqualTo(2);
    }

    @Test
    void with_fewer_paid_seats_than_members_owners_are_seated_first_and_the_rest_wait_for_more_seats() {
        seatBilling(true);
        Caller ann = callers.user("a", "UTC");
        Caller bob = callers.user("b", "UTC");
        Caller cat = callers.user("c", "UTC");
        accept(invite(ann), ann);
        accept(invite(bob), bob);
        int catMembership = invite(cat);

        billing(2);

        assertThat(seatLog()).as("the founder, then who joined first")
                .containsExactlyInAnyOrder(String.valueOf(owner.userId()), String.valueOf(ann.userId()));
        assertThatThrownBy(() -> accept(catMembership, cat)).isInstanceOf(SeatLimitReached.class);

        billing(3);

        assertThat(seatLog()).contains(String.valueOf(bob.userId())).hasSize(3);
        assertThat(seatsTaken()).isEqualTo(3);
    }

    @Test
    void an_unpaid_subscription_seats_no_one_until_it_pays_again() {
        seatBilling(true);
        callers.send(new SetBilling(orgId, "ORGANIZATION", SubscriptionStatus.PAST_DUE, null, null, 5,
                "sub_" + orgId + tag, null, null, null, null, null), CallerCommands.ADMIN);
        assertThat(seats()).isZero();

        callers.send(new ChangeBillingStatus(orgId, SubscriptionStatus.ACTIVE), CallerCommands.ADMIN);

        assertThat(seatLog()).containsExactly(String.valueOf(owner.userId()));
    }

    @Test
    void turning_the_flag_on_for_everyone_seats_the_members_of_every_organization_billed_and_granted_it() {
        billing(5);
        seatBilling(true);
        callers.send(new UpdateFeature(SeatKeeper.SEAT_BILLING, false, null, null, null), CallerCommands.ADMIN);
        Caller ann = callers.user("a", "UTC");
        accept(invite(ann), ann);
        assertThat(seatLog()).as("only the founder, seated while it was on").hasSize(1);

        callers.send(new UpdateFeature(SeatKeeper.SEAT_BILLING, true, null, null, null), CallerCommands.ADMIN);

        assertThat(seatLog()).contains(String.valueOf(ann.userId())).hasSize(2);
    }

    /**
     * As the cal.com import appends them: cal.com's Seat rows say who held a seat, so an imported billing row seats
     * no accepted member, and an imported seat counts even beyond what the row pays for now.
     */
    @Test
    void imported_billing_seats_no_one_and_imported_seats_count_as_cal_com_held_them() {
        seatBilling(true);
        Caller ann = callers.user("a", "UTC");
        Caller bob = callers.user("b", "UTC");
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        String billingId = "ob-" + tag;
        imported("Billing", BillingIds.billing(orgId), new BillingSet(orgId, true, billingId, "sub_imp_" + tag,
                "si_imp", "cus_imp", SubscriptionStatus.ACTIVE, "ORGANIZATION", null, null, 1, null, null, null, at,
                at));
        assertThat(seats()).as("the founder is not seated by an imported row").isZero();

        imported("Seat", BillingIds.seat(orgId, ann.userId()), new SeatTaken(ids.next("Seat"), orgId, ann.userId(),
                true, billingId, null, at));
        imported("Seat", BillingIds.seat(orgId, bob.userId()), new SeatTaken(ids.next("Seat"), orgId, bob.userId(),
                true, billingId, null, at));
        assertThat(seats()).isEqualTo(2);
        assertThat(seatsTaken()).as("beyond the one paid seat, as cal.com held them").isEqualTo(2);
    }

    private void imported(String type, String aggregateId, Object payload) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publish(
                new GenericDomainEventMessage<>(type, aggregateId, 0, payload, MetaData.with("imported", "calcom"))));
    }
}
