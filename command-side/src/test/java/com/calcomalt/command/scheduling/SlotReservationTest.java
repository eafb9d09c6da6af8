package com.calcomalt.command.scheduling;

import static com.calcomalt.command.scheduling.SlotReservation.EVENT_TYPE_EXISTS;
import static com.calcomalt.command.support.CallerCommands.as;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.ExpireSlotReservation;
import com.calcomalt.contracts.scheduling.ReleaseSlot;
import com.calcomalt.contracts.scheduling.ReserveSlot;
import com.calcomalt.contracts.scheduling.SlotReleased;
import com.calcomalt.contracts.scheduling.SlotReservationExpired;
import com.calcomalt.contracts.scheduling.SlotReserved;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlotReservationTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = NOW.minus(Duration.ofMinutes(3));

    private static final String UID = "slot-uid-1";
    private static final int RESERVATION = 90;
    private static final int EVENT_TYPE = 70;
    private static final int ANN_ID = 1;

    private static final Instant SLOT_START = Instant.parse("2026-04-01T09:00:00Z");
    private static final Instant SLOT_END = Instant.parse("2026-04-01T09:30:00Z");

    /** Ann books. */
    private static final Caller ANN = new Caller(ANN_ID, false, null);
    /** Bob is someone else. */
    private static final Caller BOB = new Caller(2, false, null);

    private AggregateTestFixture<SlotReservation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SlotReservation.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ReserveSlot reserve(Instant start, Instant end, int minutes) {
        return new ReserveSlot(UID, RESERVATION, EVENT_TYPE, start, end, minutes, false);
    }

    /** Ann reserved the slot at EARLIER, for 5 minutes. */
    private static SlotReserved reserved() {
        return new SlotReserved(UID, RESERVATION, EVENT_TYPE, ANN_ID, SLOT_START, SLOT_END,
                EARLIER.plus(Duration.ofMinutes(5)), false, EARLIER);
    }

    // ================================================================ ReserveSlot

    @Test
    void a_slot_is_reserved_for_the_caller_until_the_given_minutes_have_passed() {
        fixture.givenNoPriorActivity()
                .when(reserve(SLOT_START, SLOT_END, 5), as(ANN, EVENT_TYPE_EXISTS, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SlotReserved(UID, RESERVATION, EVENT_TYPE, ANN_ID, SLOT_START, SLOT_END,
                        NOW.plus(Duration.ofMinutes(5)), false, NOW));
    }

    @Test
    void a_seat_may_be_held_for_fifteen_minutes() {
        fixture.givenNoPriorActivity()
                .when(new ReserveSlot(UID, RESERVATION, EVENT_TYPE, SLOT_START, SLOT_END, 15, true),
                        as(ANN, EVENT_TYPE_EXISTS, true))
                .expectEvents(new SlotReserved(UID, RESERVATION, EVENT_TYPE, ANN_ID, SLOT_START, SLOT_END,
                        NOW.plus(Duration.ofMinutes(15)), true, NOW));
    }

    @Test
    void a_slot_that_is_under_way_may_still_be_reserved() {
        Instant start = NOW.minus(Duration.ofMinutes(10));
        Instant end = NOW.plus(Duration.ofMinutes(20));
        fixture.givenNoPriorActivity()
                .when(reserve(start, end, 1), as(ANN, EVENT_TYPE_EXISTS, true))
                .expectEvents(new SlotReserved(UID, RESERVATION, EVENT_TYPE, ANN_ID, start, end,
                        NOW.plus(Duration.ofMinutes(1)), false, NOW));
    }

    @Test
    void a_slot_cannot_be_reserved_without_a_caller() {
        fixture.givenNoPriorActivity()
                .when(reserve(SLOT_START, SLOT_END, 5), MetaData.with(EVENT_TYPE_EXISTS, true))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Slots are reserved by a known caller")
                .expectNoEvents();
    }

    @Test
    void a_slot_of_an_unknown_event_type_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(reserve(SLOT_START, SLOT_END, 5), as(ANN, EVENT_TYPE_EXISTS, false))
                .expectException(NotFound.class)
                .expectExceptionMessage("No event type 70")
                .expectNoEvents();
    }

    @Test
    void a_slot_without_facts_about_its_event_type_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(reserve(SLOT_START, SLOT_END, 5), as(ANN))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_slot_that_ends_before_it_starts_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(reserve(SLOT_END, SLOT_START, 5), as(ANN, EVENT_TYPE_EXISTS, true))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A slot starts before it ends")
                .expectNoEvents();
    }

    @Test
    void a_slot_that_ends_when_it_starts_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(reserve(SLOT_START, SLOT_START, 5), as(ANN, EVENT_TYPE_EXISTS, true))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_slot_that_is_over_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(reserve(NOW.minus(Duration.ofMinutes(30)), NOW, 5), as(ANN, EVENT_TYPE_EXISTS, true))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A slot that is over cannot be reserved")
                .expectNoEvents();
    }

    @Test
    void holding_a_slot_for_no_minutes_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(reserve(SLOT_START, SLOT_END, 0), as(ANN, EVENT_TYPE_EXISTS, true))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A slot is held 1 to 15 minutes")
                .expectNoEvents();
    }

    @Test
    void holding_a_slot_for_more_than_fifteen_minutes_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(reserve(SLOT_START, SLOT_END, 16), as(ANN, EVENT_TYPE_EXISTS, true))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A slot is held 1 to 15 minutes")
                .expectNoEvents();
    }

    // ================================================================ ReleaseSlot

    @Test
    void the_booker_who_reserved_a_slot_releases_it() {
        fixture.given(reserved())
                .when(new ReleaseSlot(UID), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SlotReleased(UID, RESERVATION, NOW));
    }

    @Test
    void a_team_key_releases_the_slot_it_reserved() {
        fixture.given(reserved())
                .when(new ReleaseSlot(UID), as(new Caller(ANN_ID, false, 10)))
                .expectEvents(new SlotReleased(UID, RESERVATION, NOW));
    }

    @Test
    void someone_else_cannot_release_the_slot() {
        fixture.given(reserved())
                .when(new ReleaseSlot(UID), as(BOB))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only who reserved a slot releases it")
                .expectNoEvents();
    }

    @Test
    void a_slot_cannot_be_released_without_a_caller() {
        fixture.given(reserved())
                .when(new ReleaseSlot(UID), MetaData.emptyInstance())
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_released_slot_cannot_be_released_again() {
        fixture.given(reserved(), new SlotReleased(UID, RESERVATION, EARLIER))
                .when(new ReleaseSlot(UID), as(ANN))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // ================================================================ ExpireSlotReservation

    @Test
    void a_reservation_expires_after_its_release_time() {
        fixture.given(new SlotReserved(UID, RESERVATION, EVENT_TYPE, ANN_ID, SLOT_START, SLOT_END,
                        NOW.minusSeconds(1), false, EARLIER))
                .when(new ExpireSlotReservation(UID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SlotReservationExpired(UID, RESERVATION, NOW));
    }

    @Test
    void a_reservation_expires_at_its_release_time() {
        fixture.given(new SlotReserved(UID, RESERVATION, EVENT_TYPE, ANN_ID, SLOT_START, SLOT_END, NOW, false,
                        EARLIER))
                .when(new ExpireSlotReservation(UID))
                .expectEvents(new SlotReservationExpired(UID, RESERVATION, NOW));
    }

    @Test
    void a_reservation_does_not_expire_before_its_release_time() {
        fixture.given(reserved())
                .when(new ExpireSlotReservation(UID))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Reservation slot-uid-1 runs until 2026-03-29T00:32:00.123Z")
                .expectNoEvents();
    }

    @Test
    void a_released_reservation_cannot_expire() {
        fixture.given(reserved(), new SlotReleased(UID, RESERVATION, EARLIER))
                .when(new ExpireSlotReservation(UID))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
