package com.calcomalt.command.billing;

import com.calcomalt.contracts.billing.ReleaseSeat;
import com.calcomalt.contracts.billing.SeatReleased;
import com.calcomalt.contracts.billing.SeatTaken;
import com.calcomalt.contracts.billing.SubscriptionStatus;
import com.calcomalt.contracts.billing.TakeSeat;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeatTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");
    private static final int ORG = 30;
    private static final int ANN = 7;
    private static final int ADMIN = 1;

    private AggregateTestFixture<Seat> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Seat.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MetaData seats(SubscriptionStatus status, Integer paidSeats, int taken) {
        return MetaData.with(BillingCommandFacts.SEATS, new SeatFacts(ORG, "row", true, status, paidSeats, taken));
    }

    private static SeatTaken taken() {
        return new SeatTaken(5, ORG, ANN, true, "row", ANN, EARLIER);
    }

    @Test
    void an_accepted_member_takes_a_free_seat() {
        fixture.givenNoPriorActivity()
                .when(new TakeSeat(ORG, ANN, 5, ANN), seats(SubscriptionStatus.ACTIVE, 2, 1))
                .expectEvents(new SeatTaken(5, ORG, ANN, true, "row", ANN, NOW));
    }

    /** Seat billing starting for members accepted before: the seat says who started it, not the member. */
    @Test
    void a_member_accepted_before_seat_billing_takes_a_seat_triggered_by_who_started_it() {
        fixture.givenNoPriorActivity()
                .when(new TakeSeat(ORG, ANN, 5, ADMIN), seats(SubscriptionStatus.ACTIVE, 2, 0))
                .expectEvents(new SeatTaken(5, ORG, ANN, true, "row", ADMIN, NOW));
    }

    @Test
    void without_a_limit_there_is_always_a_seat() {
        fixture.givenNoPriorActivity()
                .when(new TakeSeat(ORG, ANN, 5, ANN), seats(SubscriptionStatus.TRIALING, null, 500))
                .expectEvents(new SeatTaken(5, ORG, ANN, true, "row", ANN, NOW));
    }

    @Test
    void no_seat_is_taken_beyond_the_paid_ones() {
        fixture.givenNoPriorActivity()
                .when(new TakeSeat(ORG, ANN, 5, ANN), seats(SubscriptionStatus.ACTIVE, 2, 2))
                .expectException(SeatLimitReached.class)
                .expectExceptionMessage("All 2 paid seats of team 30 are taken; a member can be added once its"
                        + " billing pays for more seats or a member is removed");
    }

    @Test
    void a_past_due_organization_adds_no_seats() {
        fixture.givenNoPriorActivity()
                .when(new TakeSeat(ORG, ANN, 5, ANN), seats(SubscriptionStatus.PAST_DUE, 2, 0))
                .expectException(SeatLimitReached.class)
                .expectExceptionMessage("The subscription of team 30 is PAST_DUE: it keeps its members and data but"
                        + " cannot add seats until it is paid");
    }

    @Test
    void a_cancelled_organization_adds_no_seats() {
        fixture.givenNoPriorActivity()
                .when(new TakeSeat(ORG, ANN, 5, ANN), seats(SubscriptionStatus.CANCELLED, null, 0))
                .expectException(SeatLimitReached.class);
    }

    @Test
    void a_team_without_billing_bills_no_seats() {
        fixture.givenNoPriorActivity()
                .when(new TakeSeat(ORG, ANN, 5, ANN))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void a_seat_held_is_not_taken_twice() {
        fixture.given(taken())
                .when(new TakeSeat(ORG, ANN, 5, ANN), seats(SubscriptionStatus.ACTIVE, 2, 2))
                .expectNoEvents();
    }

    @Test
    void a_seat_given_back_can_be_taken_again() {
        fixture.given(taken(), new SeatReleased(5, ORG, ANN, true, "row", ADMIN, EARLIER))
                .when(new TakeSeat(ORG, ANN, 5, ADMIN), seats(SubscriptionStatus.ACTIVE, 2, 1))
                .expectEvents(new SeatTaken(5, ORG, ANN, true, "row", ADMIN, NOW));
    }

    @Test
    void removing_the_member_gives_the_seat_back() {
        fixture.given(taken())
                .when(new ReleaseSeat(ORG, ANN, ADMIN))
                .expectEvents(new SeatReleased(5, ORG, ANN, true, "row", ADMIN, NOW));
    }

    @Test
    void a_seat_not_held_cannot_be_given_back() {
        fixture.given(taken(), new SeatReleased(5, ORG, ANN, true, "row", ADMIN, EARLIER))
                .when(new ReleaseSeat(ORG, ANN, ADMIN))
                .expectException(NotFound.class);
    }
}
