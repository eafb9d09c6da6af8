package com.calcomalt.command.scheduling.booking;

import static com.calcomalt.command.scheduling.booking.BookingCommandFacts.FACTS;
import static com.calcomalt.command.scheduling.booking.BookingTestData.*;
import static com.calcomalt.command.support.CallerCommands.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.scheduling.booking.BookingFacts.EventTypeSnapshot;
import com.calcomalt.command.scheduling.booking.BookingFacts.HostLoad;
import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.scheduling.AddBookingInternalNote;
import com.calcomalt.contracts.scheduling.AddBookingReference;
import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookSeat;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingInternalNoteAdded;
import com.calcomalt.contracts.scheduling.BookingRated;
import com.calcomalt.contracts.scheduling.BookingReferenceAdded;
import com.calcomalt.contracts.scheduling.BookingReferenceRemoved;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.RefundPolicy;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.scheduling.MarkBookingPaid;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingPaymentCarried;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.CancelBooking;
import com.calcomalt.contracts.scheduling.CancelSeat;
import com.calcomalt.contracts.scheduling.ConfirmBooking;
import com.calcomalt.contracts.scheduling.DeclineBooking;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.MarkBookingAbsence;
import com.calcomalt.contracts.scheduling.RateBooking;
import com.calcomalt.contracts.scheduling.RemoveBookingReference;
import com.calcomalt.contracts.scheduling.RequestBooking;
import com.calcomalt.contracts.scheduling.RescheduleBooking;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.contracts.scheduling.UtmParameters;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.rules.scheduling.SlotCalculator.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingTest {

    private AggregateTestFixture<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Booking.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        // as the application does: the caller's user id travels onto the events a command causes
        fixture.registerCommandHandlerInterceptor(
                new CorrelationDataInterceptor<>(new SimpleCorrelationDataProvider(CallerMetaData.CALLER_USER_ID)));
    }

    // ================================================================ RequestBooking: personal

    @Test
    void a_booking_of_a_personal_event_type_is_accepted_with_every_column_cal_com_keeps() {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("name", "Bob Booker");
        responses.put("email", "bob@example.com");
        responses.put("guests", List.of("gina@example.com"));
        responses.put("location", Map.of("value", "https://meet.example.com/ann", "optionValue", ""));
        responses.put("notes", "About the plan");
        responses.put("company", "Acme");
        UtmParameters tracking = new UtmParameters(701, "newsletter", "email", "spring", null, null);

        fixture.givenNoPriorActivity()
                .when(new RequestBooking(UID, BOOKING_ID, EVENT_TYPE, START, END, BOB_ATTENDEE, List.of(GUEST),
                                List.of(), Map.of("company", "Acme"), "About the plan", "https://meet.example.com/ann",
                                Map.of("source", "test"), tracking, null, "hold-1"),
                        as(BOB, FACTS, free(personal("beforeEventBuffer", 5, "afterEventBuffer", 10), ANN_ID)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingRequested(900, "booking-uid-1", 70, 1, List.of(1), "ann@example.com",
                        "Intro call between Ann Host and Bob Booker", "About the plan", START, END, 5, 10,
                        "https://meet.example.com/ann", BookingStatus.accepted, List.of(BOB_ATTENDEE, GUEST),
                        responses, Map.of(), Map.of("source", "test"), null, "booking-uid-1@Cal.com", 0,
                        "c7881026-a339-5bf7-844a-08f612730d98", null, null, null, tracking, CreationSource.api_v2, 2,
                        new BookingHostSnapshot(null, 30, null, "ann@example.com", "Ann Host", "ann"), NOW));
    }

    @Test
    void a_booking_of_an_event_type_that_requires_confirmation_is_pending() {
        EventTypeSnapshot confirmed = personal("requiresConfirmation", true);

        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, free(confirmed, ANN_ID)))
                .expectEvents(requested(confirmed, List.of(ANN_ID), List.of(BOB_ATTENDEE), BookingStatus.pending));
    }

    // ---------------------------------------------------------------- paid event types

    private static final Map<String, Object> PAID = Map.of("apps", Map.of("stripe", Map.of("price", 5000,
            "currency", "eur", "enabled", true, "refundPolicy", "always")));

    private static BookingPaymentRequired paymentRequired(Instant at) {
        return new BookingPaymentRequired(UID, BOOKING_ID, "stripe", 5000, "eur", PaymentOption.ON_BOOKING,
                RefundPolicy.ALWAYS, null, at);
    }

    @Test
    void a_booking_of_a_paid_event_type_is_pending_until_paid_and_says_what_it_costs() {
        EventTypeSnapshot paid = personal("metadata", PAID);

        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, free(paid, ANN_ID)))
                .expectEvents(requested(paid, List.of(ANN_ID), List.of(BOB_ATTENDEE), BookingStatus.pending),
                        paymentRequired(NOW));
    }

    @Test
    void a_stripe_app_that_is_not_enabled_charges_nothing() {
        EventTypeSnapshot free = personal("metadata", Map.of("apps", Map.of("stripe", Map.of("price", 5000,
                "currency", "eur"))));

        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, free(free, ANN_ID)))
                .expectEvents(requested(free, List.of(ANN_ID), List.of(BOB_ATTENDEE), BookingStatus.accepted));
    }

    @Test
    void a_paid_booking_is_accepted() {
        fixture.given(pending(), paymentRequired(EARLIER))
                .when(new MarkBookingPaid(UID, "pay-1"), byNoOne(known(personal("metadata", PAID))))
                .expectEvents(new BookingPaid(UID, BOOKING_ID, "pay-1", BookingStatus.accepted, NOW));
    }

    @Test
    void a_paid_booking_of_an_event_type_that_requires_confirmation_still_waits_for_the_host() {
        fixture.given(pending(), paymentRequired(EARLIER))
                .when(new MarkBookingPaid(UID, "pay-1"),
                        byNoOne(known(personal("metadata", PAID, "requiresConfirmation", true))))
                .expectEvents(new BookingPaid(UID, BOOKING_ID, "pay-1", BookingStatus.pending, NOW));
    }

    @Test
    void a_booking_paid_twice_is_paid_once() {
        fixture.given(pending(), paymentRequired(EARLIER),
                        new BookingPaid(UID, BOOKING_ID, "pay-1", BookingStatus.accepted, EARLIER))
                .when(new MarkBookingPaid(UID, "pay-1"), byNoOne(known(personal("metadata", PAID))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_free_booking_is_not_paid() {
        fixture.given(accepted())
                .when(new MarkBookingPaid(UID, "pay-1"), byNoOne(known(personal())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Booking booking-uid-1 has nothing to pay");
    }

    @Test
    void a_cancelled_booking_is_not_paid() {
        fixture.given(pending(), paymentRequired(EARLIER), new BookingCancelled(UID, BOOKING_ID, null, null, EARLIER))
                .when(new MarkBookingPaid(UID, "pay-1"), byNoOne(known(personal("metadata", PAID))))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is cancelled already");
    }

    @Test
    void the_host_does_not_confirm_a_booking_that_waits_for_its_payment() {
        fixture.given(pending(), paymentRequired(EARLIER))
                .when(new ConfirmBooking(UID), as(ANN, FACTS, known(personal("metadata", PAID))))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 waits for its payment; it is confirmed once paid");
    }

    @Test
    void a_plain_booking_keeps_only_the_bookers_name_and_email_as_answers() {
        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectEvents(requested(personal(), List.of(ANN_ID), List.of(BOB_ATTENDEE), BookingStatus.accepted));
    }

    @Test
    void the_event_types_title_template_names_the_booking() {
        EventTypeSnapshot templated = personal("eventName", "{Event type title}: {Scheduler} meets {HOST}");

        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, free(templated, ANN_ID)))
                .expectEventsMatching(onlyRequested(e ->
                        assertThat(e.title()).isEqualTo("Intro call: Bob Booker meets Ann Host")));
    }

    @Test
    void an_organizer_without_a_name_is_called_by_their_username_in_the_title() {
        Map<Integer, Person> people = Map.of(ANN_ID, new Person(ANN_ID, "ann@example.com", " ", "ann", "UTC", false));

        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, freeWith(personal(), people)))
                .expectEventsMatching(onlyRequested(e ->
                        assertThat(e.title()).isEqualTo("Intro call between ann and Bob Booker")));
    }

    @Test
    void without_a_location_the_booking_takes_the_event_types_first_one() {
        EventTypeSnapshot located = personal("locations", List.of(
                Map.of("type", "link", "link", "https://cal.example/ann"), Map.of("type", "integrations:daily")));

        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, free(located, ANN_ID)))
                .expectEventsMatching(onlyRequested(e -> {
                    assertThat(e.location()).isEqualTo("https://cal.example/ann");
                    assertThat(e.responses()).containsEntry("location",
                            Map.of("value", "https://cal.example/ann", "optionValue", ""));
                }));
    }

    @Test
    void a_location_of_only_a_type_is_written_as_that_type() {
        EventTypeSnapshot daily = personal("locations", List.of(Map.of("type", "integrations:daily")));

        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, free(daily, ANN_ID)))
                .expectEventsMatching(onlyRequested(e -> assertThat(e.location()).isEqualTo("integrations:daily")));
    }

    @Test
    void an_sms_reminder_number_among_the_answers_is_kept_on_the_booking() {
        RequestBooking withNumber = new RequestBooking(UID, BOOKING_ID, EVENT_TYPE, START, END, BOB_ATTENDEE,
                List.of(), List.of(), Map.of("smsReminderNumber", "+4915112345"), null, null, null, null, null, null);

        fixture.givenNoPriorActivity()
                .when(withNumber, as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectEventsMatching(onlyRequested(e -> {
                    assertThat(e.smsReminderNumber()).isEqualTo("+4915112345");
                    assertThat(e.responses()).containsEntry("smsReminderNumber", "+4915112345");
                }));
    }

    @Test
    void the_bookers_phone_number_is_among_the_answers() {
        BookingAttendee withPhone = new BookingAttendee(501, "Bob Booker", "bob@example.com", "America/New_York",
                "en", "+15550100");
        RequestBooking request = new RequestBooking(UID, BOOKING_ID, EVENT_TYPE, START, END, withPhone, List.of(),
                List.of(), null, null, null, null, null, null, null);

        fixture.givenNoPriorActivity()
                .when(request, as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectEventsMatching(onlyRequested(e ->
                        assertThat(e.responses()).containsEntry("attendeePhoneNumber", "+15550100")));
    }

    @Test
    void a_second_length_the_event_type_offers_in_its_multiple_durations_is_booked() {
        EventTypeSnapshot flexible = personal("metadata", Map.of("multipleDuration", List.of(15, 30, 60)));
        Instant hourLater = START.plus(Duration.ofMinutes(60));

        fixture.givenNoPriorActivity()
                .when(request(EVENT_TYPE, START, hourLater), as(BOB, FACTS, free(flexible, ANN_ID)))
                .expectEventsMatching(onlyRequested(e -> {
                    assertThat(e.endTime()).isEqualTo(hourLater);
                    assertThat(e.idempotencyKey()).isEqualTo(idempotencyKey(START, hourLater, ANN_ID));
                    assertThat(e.host().eventLength()).as("the event type's own length").isEqualTo(30);
                }));
    }

    // ================================================================ RequestBooking: teams

    @Test
    void a_collective_booking_keeps_every_host_busy_the_first_organizing_and_the_others_listed_as_attendees() {
        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of(503, 504)), as(BOB, FACTS, free(collective(), ANN_ID, CARL_ID, DORA_ID)))
                .expectEvents(requested(collective(), List.of(ANN_ID, CARL_ID, DORA_ID),
                        List.of(BOB_ATTENDEE, CARL_AS_ATTENDEE, DORA_AS_ATTENDEE), BookingStatus.accepted));
    }

    @Test
    void round_robin_gives_the_booking_to_the_free_host_of_highest_priority() {
        EventTypeSnapshot type = roundRobin(host(CARL_ID, 2, null), host(DORA_ID, 3, null));
        Map<Integer, HostLoad> load = Map.of(DORA_ID, new HostLoad(10, EARLIER));

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of()), as(BOB, FACTS, free(type, load, CARL_ID, DORA_ID)))
                .expectEvents(requested(type, List.of(DORA_ID), List.of(BOB_ATTENDEE), BookingStatus.accepted));
    }

    @Test
    void among_equal_priorities_round_robin_chooses_the_host_furthest_below_their_weighted_share() {
        EventTypeSnapshot type = roundRobin(host(CARL_ID, null, 100), host(DORA_ID, null, 200));
        // Carl: 6 of 100 with this booking; Dora: 9 of 200, though she has more bookings and Carl waited longer
        Map<Integer, HostLoad> load = Map.of(CARL_ID, new HostLoad(5, EARLIER.minus(Duration.ofDays(10))),
                DORA_ID, new HostLoad(8, EARLIER));

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of()), as(BOB, FACTS, free(type, load, CARL_ID, DORA_ID)))
                .expectEvents(requested(type, List.of(DORA_ID), List.of(BOB_ATTENDEE), BookingStatus.accepted));
    }

    @Test
    void among_equal_shares_round_robin_chooses_the_host_booked_least_recently() {
        EventTypeSnapshot type = roundRobin(host(CARL_ID), host(DORA_ID));
        Map<Integer, HostLoad> load = Map.of(CARL_ID, new HostLoad(2, EARLIER),
                DORA_ID, new HostLoad(2, EARLIER.minus(Duration.ofDays(7))));

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of()), as(BOB, FACTS, free(type, load, CARL_ID, DORA_ID)))
                .expectEvents(requested(type, List.of(DORA_ID), List.of(BOB_ATTENDEE), BookingStatus.accepted));
    }

    @Test
    void among_equal_shares_a_host_never_booked_comes_before_one_booked_before() {
        EventTypeSnapshot type = roundRobin(host(CARL_ID), host(DORA_ID));
        // Carl's only booking was cancelled: it no longer counts, but he was booked
        Map<Integer, HostLoad> load = Map.of(CARL_ID, new HostLoad(0, EARLIER));

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of()), as(BOB, FACTS, free(type, load, CARL_ID, DORA_ID)))
                .expectEvents(requested(type, List.of(DORA_ID), List.of(BOB_ATTENDEE), BookingStatus.accepted));
    }

    @Test
    void among_hosts_equal_in_every_way_round_robin_chooses_the_lowest_user_id() {
        EventTypeSnapshot type = roundRobin(host(DORA_ID), host(CARL_ID));

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of()), as(BOB, FACTS, free(type, DORA_ID, CARL_ID)))
                .expectEvents(requested(type, List.of(CARL_ID), List.of(BOB_ATTENDEE), BookingStatus.accepted));
    }

    @Test
    void round_robin_chooses_only_among_the_hosts_free_at_the_start() {
        EventTypeSnapshot type = roundRobin(host(CARL_ID, 4, null), host(DORA_ID, 1, null));

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of()), as(BOB, FACTS, free(type, DORA_ID)))
                .expectEvents(requested(type, List.of(DORA_ID), List.of(BOB_ATTENDEE), BookingStatus.accepted));
    }

    @Test
    void fixed_hosts_join_a_round_robin_booking_beside_the_chosen_host() {
        EventTypeSnapshot type = roundRobin(fixedHost(ANN_ID), host(CARL_ID), host(DORA_ID, 1, null));

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of(503)), as(BOB, FACTS, free(type, ANN_ID, CARL_ID, DORA_ID)))
                .expectEventsMatching(onlyRequested(e -> {
                    assertThat(e.hostIds()).containsExactlyInAnyOrder(ANN_ID, CARL_ID);
                    assertThat(e.hostIds().get(0)).isEqualTo(e.userId());
                    int other = e.hostIds().get(1);
                    assertThat(e.attendees()).hasSize(2);
                    assertThat(e.attendees().get(0)).isEqualTo(BOB_ATTENDEE);
                    assertThat(e.attendees().get(1).attendeeId()).isEqualTo(503);
                    assertThat(e.attendees().get(1).email()).isEqualTo(PEOPLE.get(other).email());
                }));
    }

    @Test
    void the_first_fixed_host_organizes_a_round_robin_booking_as_in_cal_com() {
        EventTypeSnapshot type = roundRobin(fixedHost(ANN_ID), host(CARL_ID));

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of(503)), as(BOB, FACTS, free(type, ANN_ID, CARL_ID)))
                .expectEvents(requested(type, List.of(ANN_ID, CARL_ID), List.of(BOB_ATTENDEE, CARL_AS_ATTENDEE),
                        BookingStatus.accepted));
    }

    // ================================================================ RequestBooking: seats

    @Test
    void a_seated_booking_holds_the_bookers_seat_rather_than_an_attendee() {
        fixture.givenNoPriorActivity()
                .when(requestSeat(List.of()), as(BOB, FACTS, free(seatedType(), ANN_ID)))
                .expectEvents(requested(seatedType(), List.of(ANN_ID), List.of(), BookingStatus.accepted, BOB_SEAT));
    }

    @Test
    void a_seated_event_type_is_booked_by_the_seat() {
        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, free(seatedType(), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 is booked by the seat")
                .expectNoEvents();
    }

    @Test
    void a_seat_of_an_event_type_without_seats_is_refused() {
        fixture.givenNoPriorActivity()
                .when(requestSeat(List.of()), as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 has no seats")
                .expectNoEvents();
    }

    @Test
    void a_seat_comes_without_guests() {
        fixture.givenNoPriorActivity()
                .when(requestSeat(List.of(GUEST)), as(BOB, FACTS, free(seatedType(), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 takes no guests")
                .expectNoEvents();
    }

    // ================================================================ RequestBooking: refusals

    @Test
    void a_booking_without_a_caller_is_denied() {
        fixture.givenNoPriorActivity()
                .when(request(), byNoOne(free(personal(), ANN_ID)))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Bookings are made by a known caller")
                .expectNoEvents();
    }

    @Test
    void a_booking_of_an_unknown_event_type_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, new BookingFacts(null, Map.of(), null, Map.of(), null)))
                .expectException(NotFound.class)
                .expectExceptionMessage("No event type 70")
                .expectNoEvents();
    }

    @Test
    void a_booking_without_facts_about_its_event_type_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(request(), as(BOB))
                .expectException(NotFound.class)
                .expectExceptionMessage("No event type 70")
                .expectNoEvents();
    }

    @Test
    void an_event_type_with_neither_owner_nor_scheduling_type_takes_no_bookings() {
        EventTypeSnapshot neither = new EventTypeSnapshot(TEAM_EVENT_TYPE, null, TEAM, null, null, settings(),
                List.of(host(ANN_ID)));

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of()), as(BOB, FACTS, free(neither, ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 71 has neither owner nor scheduling type")
                .expectNoEvents();
    }

    @Test
    void a_managed_event_type_itself_takes_no_bookings() {
        EventTypeSnapshot managed = teamType(SchedulingType.managed, List.of(host(ANN_ID)));

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of()), as(BOB, FACTS, free(managed, ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 71 is managed: its members' own event types are booked")
                .expectNoEvents();
    }

    @Test
    void a_team_event_type_without_hosts_takes_no_bookings() {
        EventTypeSnapshot hostless = teamType(SchedulingType.collective, List.of());

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of()), as(BOB, FACTS, free(hostless)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 71 has no hosts")
                .expectNoEvents();
    }

    @Test
    void a_locked_owner_takes_no_bookings() {
        Map<Integer, Person> people = Map.of(ANN_ID, new Person(ANN_ID, "ann@example.com", "Ann Host", "ann",
                "Europe/Berlin", true), BOB_ID, BOB_PERSON);

        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, freeWith(personal(), people)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The owner of event type 70 takes no bookings")
                .expectNoEvents();
    }

    @Test
    void an_owner_the_command_side_does_not_know_takes_no_bookings() {
        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, freeWith(personal(), Map.of(BOB_ID, BOB_PERSON))))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The owner of event type 70 takes no bookings")
                .expectNoEvents();
    }

    @Test
    void a_team_host_the_command_side_does_not_know_is_not_found() {
        Map<Integer, Person> withoutDora = Map.of(ANN_ID, ANN_PERSON, BOB_ID, BOB_PERSON, CARL_ID, CARL_PERSON);

        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of(503, 504)), as(BOB, FACTS, freeWith(collective(), withoutDora)))
                .expectException(NotFound.class)
                .expectExceptionMessage("No user 4")
                .expectNoEvents();
    }

    @Test
    void too_few_attendee_ids_for_the_other_hosts_is_a_programming_error() {
        fixture.givenNoPriorActivity()
                .when(requestOfTeam(List.of(503)), as(BOB, FACTS, free(collective(), ANN_ID, CARL_ID, DORA_ID)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("Too few attendee ids were given for the booking's attendees")
                .expectNoEvents();
    }

    @Test
    void a_length_the_event_type_does_not_offer_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(EVENT_TYPE, START, START.plus(Duration.ofMinutes(45))),
                        as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 lasts 30 minutes, not 45 minutes")
                .expectNoEvents();
    }

    @Test
    void a_length_outside_the_multiple_durations_is_refused_naming_every_length_offered() {
        EventTypeSnapshot flexible = personal("metadata", Map.of("multipleDuration", List.of(60, 15, 30)));

        fixture.givenNoPriorActivity()
                .when(request(EVENT_TYPE, START, START.plus(Duration.ofMinutes(45))),
                        as(BOB, FACTS, free(flexible, ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 lasts 15 or 30 or 60 minutes, not 45 minutes")
                .expectNoEvents();
    }

    @Test
    void a_length_of_part_of_a_minute_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(EVENT_TYPE, START, END.plusSeconds(30)), as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 lasts 30 minutes, not 1830 seconds")
                .expectNoEvents();
    }

    @Test
    void a_booking_that_ends_before_it_starts_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(EVENT_TYPE, END, START), as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A booking starts before it ends")
                .expectNoEvents();
    }

    @Test
    void guests_are_refused_when_the_event_type_disables_them() {
        fixture.givenNoPriorActivity()
                .when(requestWithGuests(List.of(GUEST)), as(BOB, FACTS, free(personal("disableGuests", true), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 takes no guests")
                .expectNoEvents();
    }

    @Test
    void a_start_in_the_past_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(EVENT_TYPE, PAST_START, PAST_END), as(BOB, FACTS, verdict(personal(), Verdict.TOO_SOON)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A booking cannot start in the past (2026-04-01T06:00:00Z)")
                .expectNoEvents();
    }

    @Test
    void a_start_within_the_minimum_notice_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, verdict(personal(), Verdict.TOO_SOON)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("2026-04-02T09:00:00Z is sooner than the 120 minutes' notice event type 70"
                        + " needs")
                .expectNoEvents();
    }

    @Test
    void a_start_outside_the_booking_period_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, verdict(personal(), Verdict.OUTSIDE_PERIOD)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("2026-04-02T09:00:00Z is outside the period in which event type 70 can be"
                        + " booked")
                .expectNoEvents();
    }

    @Test
    void a_start_that_is_no_slot_of_the_event_type_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, verdict(personal(), Verdict.NOT_OFFERED)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("2026-04-02T09:00:00Z is not an available slot of event type 70")
                .expectNoEvents();
    }

    @Test
    void a_start_taken_meanwhile_is_a_conflict() {
        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, verdict(personal(), Verdict.TAKEN)))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("2026-04-02T09:00:00Z is no longer available for event type 70")
                .expectNoEvents();
    }

    @Test
    void a_start_the_scheduling_rules_did_not_judge_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(), as(BOB, FACTS, new BookingFacts(personal(), PEOPLE, null, Map.of(), null)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    // ================================================================ BookSeat

    @Test
    void a_seat_of_a_seated_booking_is_taken() {
        fixture.given(seatedBooked())
                .when(new BookSeat(UID, EVE_SEAT), as(EVE, FACTS, known(seatedType())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingSeatBooked(UID, BOOKING_ID, EVE_SEAT, NOW));
    }

    @Test
    void a_seat_is_not_taken_without_a_caller() {
        fixture.given(seatedBooked())
                .when(new BookSeat(UID, EVE_SEAT), byNoOne(known(seatedType())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Seats are booked by a known caller")
                .expectNoEvents();
    }

    @Test
    void a_booking_without_seats_has_none_to_take() {
        fixture.given(accepted())
                .when(new BookSeat(UID, EVE_SEAT), as(EVE, FACTS, known(seatedType())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Booking booking-uid-1 has no seats")
                .expectNoEvents();
    }

    @Test
    void a_full_booking_has_no_seat_left() {
        fixture.given(seatedBooked(), seatBookedBy(EVE_ID, EVE_SEAT))
                .when(new BookSeat(UID, CARL_SEAT), as(CARL, FACTS, known(seatedType())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("All 2 seats of booking booking-uid-1 are taken")
                .expectNoEvents();
    }

    @Test
    void a_seat_given_back_is_free_again() {
        fixture.given(seatedBooked(), seatBookedBy(EVE_ID, EVE_SEAT),
                        new BookingSeatCancelled(UID, BOOKING_ID, 602, "seat-eve", 505, EARLIER))
                .when(new BookSeat(UID, CARL_SEAT), as(CARL, FACTS, known(seatedType())))
                .expectEvents(new BookingSeatBooked(UID, BOOKING_ID, CARL_SEAT, NOW));
    }

    @Test
    void without_the_event_types_seat_count_no_more_seats_are_taken() {
        fixture.given(seatedBooked())
                .when(new BookSeat(UID, EVE_SEAT),
                        as(EVE, FACTS, new BookingFacts(null, Map.of(), null, Map.of(), null)))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("All 1 seats of booking booking-uid-1 are taken")
                .expectNoEvents();
    }

    @Test
    void one_email_holds_one_seat_whatever_its_case() {
        BookingSeatData bobAgain = new BookingSeatData(604, "seat-bob-2", new BookingAttendee(507, "Bob",
                "BOB@Example.com", "UTC", "en", null), Map.of(), Map.of());

        fixture.given(seatedBooked())
                .when(new BookSeat(UID, bobAgain), as(BOB, FACTS, known(seatedType())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("BOB@Example.com has a seat at booking booking-uid-1 already")
                .expectNoEvents();
    }

    @Test
    void the_seats_of_a_booking_that_has_started_are_closed() {
        fixture.given(seatedBooked(RUNNING_START, RUNNING_END))
                .when(new BookSeat(UID, EVE_SEAT), as(EVE, FACTS, known(seatedType())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Booking booking-uid-1 has started; its seats are closed")
                .expectNoEvents();
    }

    @Test
    void a_seat_of_a_cancelled_booking_is_refused() {
        fixture.given(seatedBooked(), cancelledEarlier())
                .when(new BookSeat(UID, EVE_SEAT), as(EVE, FACTS, known(seatedType())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is cancelled already")
                .expectNoEvents();
    }

    // Paid seated event types made before paid seats were refused: no seat of them is booked, free or not.

    @Test
    void the_first_seat_of_a_paid_seated_event_type_is_refused() {
        fixture.givenNoPriorActivity()
                .when(requestSeat(List.of()), as(BOB, FACTS, free(personal("seatsPerTimeSlot", 2, "metadata", PAID),
                        ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 is paid and has seats; paid seats are not supported yet")
                .expectNoEvents();
    }

    @Test
    void a_later_seat_of_a_paid_event_type_is_refused_rather_than_taken_for_free() {
        fixture.given(seatedBooked())
                .when(new BookSeat(UID, EVE_SEAT), as(EVE, FACTS, known(personal("seatsPerTimeSlot", 2,
                        "metadata", PAID))))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 is paid and has seats; paid seats are not supported yet")
                .expectNoEvents();
    }

    @Test
    void a_later_seat_of_a_booking_that_charged_its_first_seat_is_refused() {
        fixture.given(seatedBooked(), paymentRequired(EARLIER))
                .when(new BookSeat(UID, EVE_SEAT), as(EVE, FACTS, known(seatedType())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 is paid and has seats; paid seats are not supported yet")
                .expectNoEvents();
    }

    // ================================================================ CancelSeat

    @Test
    void whoever_took_a_seat_gives_it_back() {
        fixture.given(seatedBooked(), seatBookedBy(EVE_ID, EVE_SEAT))
                .when(new CancelSeat(UID, "seat-eve", "Cannot come"), as(EVE, FACTS, known(seatedType())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingSeatCancelled(UID, BOOKING_ID, 602, "seat-eve", 505, NOW));
    }

    @Test
    void the_booker_of_the_first_seat_gives_it_back() {
        fixture.given(seatedBooked(), seatBookedBy(EVE_ID, EVE_SEAT))
                .when(new CancelSeat(UID, "seat-bob", null), as(BOB, FACTS, known(seatedType())))
                .expectEvents(new BookingSeatCancelled(UID, BOOKING_ID, 601, "seat-bob", 501, NOW));
    }

    @Test
    void a_seat_taken_through_a_command_is_given_back_by_whoever_took_it() {
        fixture.givenCommands(command(requestSeat(List.of()), as(BOB, FACTS, free(seatedType(), ANN_ID))))
                .andGivenCommands(command(new BookSeat(UID, EVE_SEAT), as(EVE, FACTS, known(seatedType()))))
                .when(new CancelSeat(UID, "seat-eve", null), as(EVE, FACTS, known(seatedType())))
                .expectEvents(new BookingSeatCancelled(UID, BOOKING_ID, 602, "seat-eve", 505, NOW));
    }

    @Test
    void the_host_gives_back_any_seat() {
        fixture.given(seatedBooked(), seatBookedBy(EVE_ID, EVE_SEAT))
                .when(new CancelSeat(UID, "seat-eve", "Overbooked"), as(ANN, FACTS, known(seatedType())))
                .expectEvents(new BookingSeatCancelled(UID, BOOKING_ID, 602, "seat-eve", 505, NOW));
    }

    @Test
    void someone_else_cannot_give_back_a_seat() {
        fixture.given(seatedBooked(), seatBookedBy(EVE_ID, EVE_SEAT))
                .when(new CancelSeat(UID, "seat-eve", null), as(CARL, FACTS, known(seatedType())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("A seat is given back by whom booked it or by the host")
                .expectNoEvents();
    }

    @Test
    void a_seat_holders_team_key_does_not_give_back_their_seat() {
        fixture.given(seatedBooked(), seatBookedBy(EVE_ID, EVE_SEAT))
                .when(new CancelSeat(UID, "seat-eve", null),
                        as(new Caller(EVE_ID, false, TEAM), FACTS, known(seatedType())))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_seat_whose_taker_is_unknown_is_given_back_only_by_the_host() {
        fixture.given(seatedBooked(), new BookingSeatBooked(UID, BOOKING_ID, EVE_SEAT, EARLIER))
                .when(new CancelSeat(UID, "seat-eve", null), as(EVE, FACTS, known(seatedType())))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_seat_the_booking_does_not_have_is_not_found() {
        fixture.given(seatedBooked())
                .when(new CancelSeat(UID, "seat-nobody", null), as(ANN, FACTS, known(seatedType())))
                .expectException(NotFound.class)
                .expectExceptionMessage("Booking booking-uid-1 has no seat seat-nobody")
                .expectNoEvents();
    }

    @Test
    void a_seat_given_back_cannot_be_given_back_again() {
        fixture.given(seatedBooked(), seatBookedBy(EVE_ID, EVE_SEAT),
                        new BookingSeatCancelled(UID, BOOKING_ID, 602, "seat-eve", 505, EARLIER))
                .when(new CancelSeat(UID, "seat-eve", null), as(EVE, FACTS, known(seatedType())))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void giving_back_the_last_seat_cancels_the_booking() {
        fixture.given(seatedBooked())
                .when(new CancelSeat(UID, "seat-bob", "Cannot come"), as(BOB, FACTS, known(seatedType())))
                .expectEvents(new BookingSeatCancelled(UID, BOOKING_ID, 601, "seat-bob", 501, NOW),
                        new BookingCancelled(UID, BOOKING_ID, "Cannot come", "bob@example.com", NOW));
    }

    @Test
    void a_seat_of_a_cancelled_booking_cannot_be_given_back() {
        fixture.given(seatedBooked(), cancelledEarlier())
                .when(new CancelSeat(UID, "seat-bob", null), as(BOB, FACTS, known(seatedType())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is cancelled already")
                .expectNoEvents();
    }

    @Test
    void a_seat_of_a_booking_that_is_over_cannot_be_given_back() {
        fixture.given(seatedBooked(PAST_START, PAST_END))
                .when(new CancelSeat(UID, "seat-bob", null), as(BOB, FACTS, known(seatedType())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Booking booking-uid-1 is over; its seats cannot be given back")
                .expectNoEvents();
    }

    // ================================================================ ConfirmBooking

    @Test
    void the_host_confirms_a_pending_booking() {
        fixture.given(pending())
                .when(new ConfirmBooking(UID), as(ANN, FACTS, known(personal())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingConfirmed(UID, BOOKING_ID, ANN_ID, NOW));
    }

    @Test
    void a_host_who_does_not_organize_confirms_a_pending_team_booking() {
        fixture.given(teamBooked(BookingStatus.pending, START, END))
                .when(new ConfirmBooking(UID), as(CARL, FACTS, known(collective())))
                .expectEvents(new BookingConfirmed(UID, BOOKING_ID, CARL_ID, NOW));
    }

    @Test
    void a_team_admin_confirms_a_pending_booking_of_the_teams_event_type() {
        fixture.given(teamBooked(BookingStatus.pending, START, END))
                .when(new ConfirmBooking(UID), as(TINA, FACTS, known(collective(), inTeam(TINA, MembershipRole.ADMIN))))
                .expectEvents(new BookingConfirmed(UID, BOOKING_ID, TINA_ID, NOW));
    }

    @Test
    void a_system_admin_confirms_any_pending_booking() {
        fixture.given(pending())
                .when(new ConfirmBooking(UID), as(ROOT, FACTS, known(personal())))
                .expectEvents(new BookingConfirmed(UID, BOOKING_ID, ROOT_ID, NOW));
    }

    @Test
    void the_booker_cannot_confirm_their_own_booking() {
        fixture.given(pending())
                .when(new ConfirmBooking(UID), as(BOB, FACTS, known(personal())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only the host confirms booking booking-uid-1")
                .expectNoEvents();
    }

    @Test
    void a_team_member_who_is_no_host_cannot_confirm() {
        fixture.given(teamBooked(BookingStatus.pending, START, END))
                .when(new ConfirmBooking(UID), as(EVE, FACTS, known(collective(), inTeam(EVE, MembershipRole.MEMBER))))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_booking_is_not_confirmed_without_a_caller() {
        fixture.given(pending())
                .when(new ConfirmBooking(UID), byNoOne(known(personal())))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_accepted_booking_cannot_be_confirmed() {
        fixture.given(accepted())
                .when(new ConfirmBooking(UID), as(ANN, FACTS, known(personal())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is accepted; only a pending booking is confirmed")
                .expectNoEvents();
    }

    @Test
    void a_declined_booking_cannot_be_confirmed() {
        fixture.given(pending(), new BookingDeclined(UID, BOOKING_ID, null, ANN_ID, EARLIER))
                .when(new ConfirmBooking(UID), as(ANN, FACTS, known(personal())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is rejected; only a pending booking is confirmed")
                .expectNoEvents();
    }

    @Test
    void a_confirmed_booking_cannot_be_confirmed_again() {
        fixture.given(pending(), new BookingConfirmed(UID, BOOKING_ID, ANN_ID, EARLIER))
                .when(new ConfirmBooking(UID), as(ANN, FACTS, known(personal())))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_pending_booking_that_is_over_cannot_be_confirmed() {
        fixture.given(booked(BookingStatus.pending, PAST_START, PAST_END))
                .when(new ConfirmBooking(UID), as(ANN, FACTS, known(personal())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Booking booking-uid-1 is over; it cannot be confirmed")
                .expectNoEvents();
    }

    // ================================================================ DeclineBooking

    @Test
    void the_host_declines_a_pending_booking() {
        fixture.given(pending())
                .when(new DeclineBooking(UID, "Fully booked"), as(ANN, FACTS, known(personal())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingDeclined(UID, BOOKING_ID, "Fully booked", ANN_ID, NOW));
    }

    @Test
    void a_team_admin_declines_a_pending_booking_of_the_teams_event_type() {
        fixture.given(teamBooked(BookingStatus.pending, START, END))
                .when(new DeclineBooking(UID, null),
                        as(TINA, FACTS, known(collective(), inTeam(TINA, MembershipRole.OWNER))))
                .expectEvents(new BookingDeclined(UID, BOOKING_ID, null, TINA_ID, NOW));
    }

    @Test
    void the_booker_cannot_decline_their_own_booking() {
        fixture.given(pending())
                .when(new DeclineBooking(UID, null), as(BOB, FACTS, known(personal())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only the host declines booking booking-uid-1")
                .expectNoEvents();
    }

    @Test
    void an_accepted_booking_cannot_be_declined() {
        fixture.given(accepted())
                .when(new DeclineBooking(UID, null), as(ANN, FACTS, known(personal())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is accepted; only a pending booking is declined")
                .expectNoEvents();
    }

    @Test
    void a_cancelled_booking_cannot_be_declined() {
        fixture.given(pending(), cancelledEarlier())
                .when(new DeclineBooking(UID, null), as(ANN, FACTS, known(personal())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is cancelled; only a pending booking is declined")
                .expectNoEvents();
    }

    // ================================================================ CancelBooking

    @Test
    void the_host_cancels_a_booking() {
        fixture.given(accepted())
                .when(new CancelBooking(UID, "Ill"), as(ANN, FACTS, known(personal())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingCancelled(UID, BOOKING_ID, "Ill", "ann@example.com", NOW));
    }

    @Test
    void the_booker_cancels_their_booking() {
        fixture.given(accepted())
                .when(new CancelBooking(UID, "Plans changed"), as(BOB, FACTS, known(personal())))
                .expectEvents(new BookingCancelled(UID, BOOKING_ID, "Plans changed", "bob@example.com", NOW));
    }

    @Test
    void the_booker_cancels_a_booking_that_waits_for_confirmation() {
        fixture.given(pending())
                .when(new CancelBooking(UID, null), as(BOB, FACTS, known(personal())))
                .expectEvents(new BookingCancelled(UID, BOOKING_ID, null, "bob@example.com", NOW));
    }

    @Test
    void a_booking_under_way_may_still_be_cancelled() {
        fixture.given(underWay())
                .when(new CancelBooking(UID, null), as(ANN, FACTS, known(personal())))
                .expectEvents(new BookingCancelled(UID, BOOKING_ID, null, "ann@example.com", NOW));
    }

    @Test
    void a_team_admin_cancels_a_booking_of_the_teams_event_type() {
        fixture.given(teamBooked(BookingStatus.accepted, START, END))
                .when(new CancelBooking(UID, null),
                        as(TINA, FACTS, known(collective(), inTeam(TINA, MembershipRole.ADMIN))))
                .expectEvents(new BookingCancelled(UID, BOOKING_ID, null, "tina@example.com", NOW));
    }

    @Test
    void a_system_admin_cancels_any_booking() {
        fixture.given(accepted())
                .when(new CancelBooking(UID, null), as(ROOT, FACTS, known(personal())))
                .expectEvents(new BookingCancelled(UID, BOOKING_ID, null, "root@example.com", NOW));
    }

    @Test
    void a_stranger_cannot_cancel_a_booking() {
        fixture.given(accepted())
                .when(new CancelBooking(UID, null), as(EVE, FACTS, known(personal())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("A booking is cancelled by its host or by whom booked it")
                .expectNoEvents();
    }

    @Test
    void a_team_member_who_is_no_host_cannot_cancel() {
        fixture.given(teamBooked(BookingStatus.accepted, START, END))
                .when(new CancelBooking(UID, null),
                        as(EVE, FACTS, known(collective(), inTeam(EVE, MembershipRole.MEMBER))))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void the_bookers_team_key_does_not_act_as_the_booker() {
        fixture.given(accepted())
                .when(new CancelBooking(UID, null), as(new Caller(BOB_ID, false, TEAM), FACTS, known(personal())))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_booking_is_not_cancelled_without_a_caller() {
        fixture.given(accepted())
                .when(new CancelBooking(UID, null), byNoOne(known(personal())))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void cancelling_a_cancelled_booking_is_a_conflict() {
        fixture.given(accepted(), cancelledEarlier())
                .when(new CancelBooking(UID, null), as(ANN, FACTS, known(personal())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is cancelled already")
                .expectNoEvents();
    }

    @Test
    void cancelling_a_declined_booking_is_a_conflict() {
        fixture.given(pending(), new BookingDeclined(UID, BOOKING_ID, null, ANN_ID, EARLIER))
                .when(new CancelBooking(UID, null), as(BOB, FACTS, known(personal())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is rejected already")
                .expectNoEvents();
    }

    @Test
    void cancelling_a_booking_that_is_over_is_rejected() {
        fixture.given(over())
                .when(new CancelBooking(UID, null), as(ANN, FACTS, known(personal())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Booking booking-uid-1 is over; it cannot be cancelled")
                .expectNoEvents();
    }

    @Test
    void the_booker_cannot_cancel_a_seated_booking_but_gives_back_a_seat() {
        fixture.given(seatedBooked())
                .when(new CancelBooking(UID, null), as(BOB, FACTS, known(seatedType())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("A seated booking is cancelled by its host; a booker gives back a seat")
                .expectNoEvents();
    }

    @Test
    void the_host_cancels_a_seated_booking_with_all_its_seats() {
        fixture.given(seatedBooked(), seatBookedBy(EVE_ID, EVE_SEAT))
                .when(new CancelBooking(UID, "Cancelled class"), as(ANN, FACTS, known(seatedType())))
                .expectEvents(new BookingCancelled(UID, BOOKING_ID, "Cancelled class", "ann@example.com", NOW));
    }

    @Test
    void the_booker_cannot_cancel_when_the_event_type_disables_cancelling() {
        fixture.given(accepted())
                .when(new CancelBooking(UID, null), as(BOB, FACTS, known(personal("disableCancelling", true))))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    // ================================================================ through BookingCommandFacts

    /** The command side's lookups as its tables would answer for Bob's booking of Ann's event type. */
    private static final class LookupsOfAnnsBooking extends BookingLookups {

        private final BookingRequested booking;

        LookupsOfAnnsBooking(BookingRequested booking) {
            super(null, null, null);
            this.booking = booking;
        }

        @Override
        Optional<BookingRecord> booking(String uid) {
            return Optional.of(new BookingRecord(booking.uid(), booking.bookingId(), booking.eventTypeId(),
                    booking.userId(), booking.status().name(), booking.startTime(), booking.endTime(),
                    booking.seat() != null));
        }

        @Override
        Optional<EventTypeSnapshot> eventType(int eventTypeId) {
            return Optional.of(personal());
        }

        @Override
        Map<Integer, Person> people(Collection<Integer> userIds) {
            Map<Integer, Person> people = new LinkedHashMap<>();
            userIds.stream().filter(PEOPLE::containsKey).forEach(id -> people.put(id, PEOPLE.get(id)));
            return people;
        }
    }

    private void withFactsOf(BookingRequested booking) {
        fixture.registerCommandHandlerInterceptor(new BookingCommandFacts(new LookupsOfAnnsBooking(booking),
                new IdentityCommandFacts(null), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void through_the_command_sides_facts_the_host_confirms_a_pending_booking() {
        withFactsOf(pending());

        fixture.given(pending())
                .when(new ConfirmBooking(UID), as(ANN))
                .expectEvents(new BookingConfirmed(UID, BOOKING_ID, ANN_ID, NOW));
    }

    @Test
    void through_the_command_sides_facts_a_cancellation_names_who_cancelled() {
        withFactsOf(accepted());

        fixture.given(accepted())
                .when(new CancelBooking(UID, "Plans changed"), as(BOB))
                .expectEvents(new BookingCancelled(UID, BOOKING_ID, "Plans changed", "bob@example.com", NOW));
    }

    // ================================================================ RescheduleBooking

    @Test
    void the_host_moves_a_booking_to_a_new_booking_in_the_same_calendar_event() {
        Map<String, Object> responses = bookedResponses();
        responses.put("rescheduleReason", "Conflict");

        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512),
                                "Conflict"),
                        as(ANN, FACTS, free(personal("beforeEventBuffer", 5, "afterEventBuffer", 10), ANN_ID)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingRescheduled(UID, BOOKING_ID, NEW_UID, "Conflict", "ann@example.com", NOW),
                        new BookingRequested(NEW_BOOKING_ID, NEW_UID, EVENT_TYPE, ANN_ID, List.of(ANN_ID),
                                "ann@example.com", "Intro call between Ann Host and Bob Booker", "Plans", NEW_START,
                                NEW_END, 5, 10, "https://meet.example.com/ann", BookingStatus.accepted,
                                List.of(new BookingAttendee(511, "Bob Booker", "bob@example.com", "America/New_York",
                                                "en", null),
                                        new BookingAttendee(512, "", "gina@example.com", "America/New_York", "en",
                                                null)),
                                responses, Map.of(), Map.of("source", "test"), null, "booking-uid-1@Cal.com", 1,
                                "22520170-85c2-50ef-9e02-512034967f48", UID, "ann@example.com", null, null,
                                CreationSource.api_v2, BOB_ID,
                                new BookingHostSnapshot(null, 30, null, "ann@example.com", "Ann Host", "ann"), NOW));
    }

    @Test
    void a_booking_that_waits_for_its_payment_is_not_rescheduled() {
        fixture.given(pending(), paymentRequired(EARLIER))
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, free(personal("metadata", PAID), ANN_ID)))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 waits for its payment; it is rescheduled once paid");
    }

    @Test
    void a_paid_booking_rescheduled_hands_its_payment_on_to_the_new_booking() {
        fixture.given(pending(), paymentRequired(EARLIER),
                        new BookingPaid(UID, BOOKING_ID, "pay-1", BookingStatus.accepted, EARLIER))
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, free(personal("metadata", PAID), ANN_ID)))
                .expectEventsMatching(rescheduledPaid(
                        moved -> assertThat(moved.status()).isEqualTo(BookingStatus.accepted),
                        new BookingPaymentCarried(NEW_UID, NEW_BOOKING_ID, UID, NOW)));
    }

    @Test
    void a_free_booking_rescheduled_carries_no_payment() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectEventsMatching(rescheduled(old -> { }, moved -> { }));
    }

    @Test
    void the_booker_reschedules_their_booking() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectEventsMatching(rescheduled(
                        old -> assertThat(old).isEqualTo(new BookingRescheduled(UID, BOOKING_ID, NEW_UID, null,
                                "bob@example.com", NOW)),
                        moved -> {
                            assertThat(moved.rescheduledBy()).isEqualTo("bob@example.com");
                            assertThat(moved.bookedBy()).isEqualTo(BOB_ID);
                            assertThat(moved.status()).isEqualTo(BookingStatus.accepted);
                            assertThat(moved.responses()).doesNotContainKey("rescheduleReason");
                        }));
    }

    @Test
    void a_moved_booking_keeps_its_title_while_its_organizer_stays() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(ANN, FACTS, free(personal("title", "Renamed call"), ANN_ID)))
                .expectEventsMatching(rescheduled(old -> { },
                        moved -> assertThat(moved.title()).isEqualTo("Intro call between Ann Host and Bob Booker")));
    }

    @Test
    void a_moved_collective_booking_lists_its_hosts_again_under_new_attendee_ids() {
        fixture.given(teamBooked(BookingStatus.accepted, START, END))
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END,
                                List.of(511, 512, 513, 514), null),
                        as(ANN, FACTS, free(collective(), ANN_ID, CARL_ID, DORA_ID)))
                .expectEventsMatching(rescheduled(old -> { }, moved -> {
                    assertThat(moved.hostIds()).containsExactly(ANN_ID, CARL_ID, DORA_ID);
                    assertThat(moved.attendees()).containsExactly(
                            new BookingAttendee(511, "Bob Booker", "bob@example.com", "America/New_York", "en", null),
                            new BookingAttendee(512, "Carl Team", "carl@example.com", "Europe/London", "en", null),
                            new BookingAttendee(513, "Dora Team", "dora@example.com", "America/New_York", "en",
                                    null));
                }));
    }

    @Test
    void a_moved_round_robin_booking_keeps_its_organizer_when_they_are_free() {
        EventTypeSnapshot type = roundRobin(host(CARL_ID), host(DORA_ID));

        fixture.given(roundRobinBooked())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511), null),
                        as(BOB, FACTS, free(type, CARL_ID, DORA_ID)))
                .expectEventsMatching(rescheduled(old -> { }, moved -> {
                    assertThat(moved.userId()).isEqualTo(DORA_ID);
                    assertThat(moved.hostIds()).containsExactly(DORA_ID);
                    assertThat(moved.idempotencyKey()).isEqualTo(idempotencyKey(NEW_START, NEW_END, DORA_ID));
                }));
    }

    @Test
    void a_moved_round_robin_booking_goes_to_another_host_when_its_organizer_is_not_free() {
        EventTypeSnapshot type = roundRobin(host(CARL_ID), host(DORA_ID));

        fixture.given(roundRobinBooked())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511), null),
                        as(BOB, FACTS, free(type, CARL_ID)))
                .expectEventsMatching(rescheduled(old -> { }, moved -> {
                    assertThat(moved.userId()).isEqualTo(CARL_ID);
                    assertThat(moved.userPrimaryEmail()).isEqualTo("carl@example.com");
                    assertThat(moved.title()).isEqualTo("Intro call between Carl Team and Bob Booker");
                    assertThat(moved.host()).isEqualTo(new BookingHostSnapshot(TEAM, 30, null, "carl@example.com",
                            "Carl Team", "carl"));
                }));
    }

    @Test
    void the_bookers_move_of_a_booking_that_needs_confirmation_waits_for_the_host() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, free(personal("requiresConfirmation", true), ANN_ID)))
                .expectEventsMatching(rescheduled(old -> { },
                        moved -> assertThat(moved.status()).isEqualTo(BookingStatus.pending)));
    }

    @Test
    void the_hosts_move_of_a_booking_that_needs_confirmation_is_accepted() {
        fixture.given(pending())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(ANN, FACTS, free(personal("requiresConfirmation", true), ANN_ID)))
                .expectEventsMatching(rescheduled(old -> { },
                        moved -> assertThat(moved.status()).isEqualTo(BookingStatus.accepted)));
    }

    @Test
    void a_booking_under_way_is_moved_when_the_event_type_lets_past_bookings_be_rescheduled() {
        fixture.given(underWay())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, free(personal("allowReschedulingPastBookings", true), ANN_ID)))
                .expectEventsMatching(rescheduled(old -> assertThat(old.newUid()).isEqualTo(NEW_UID),
                        moved -> assertThat(moved.startTime()).isEqualTo(NEW_START)));
    }

    @Test
    void the_host_moves_a_booking_even_when_the_event_type_does_not_let_bookers() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(ANN, FACTS, free(personal("disableRescheduling", true), ANN_ID)))
                .expectEventsMatching(rescheduled(old -> assertThat(old.rescheduledBy()).isEqualTo("ann@example.com"),
                        moved -> assertThat(moved.fromReschedule()).isEqualTo(UID)));
    }

    @Test
    void a_stranger_cannot_reschedule_a_booking() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(EVE, FACTS, free(personal(), ANN_ID)))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("A booking is rescheduled by its host or by whom booked it")
                .expectNoEvents();
    }

    @Test
    void a_booking_is_not_rescheduled_without_a_caller() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        byNoOne(free(personal(), ANN_ID)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_booking_that_has_started_cannot_be_rescheduled() {
        fixture.given(underWay())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(ANN, FACTS, free(personal(), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Booking booking-uid-1 has started; it cannot be rescheduled")
                .expectNoEvents();
    }

    @Test
    void the_booker_cannot_reschedule_when_the_event_type_disables_it() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, free(personal("disableRescheduling", true), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 does not let bookers reschedule")
                .expectNoEvents();
    }

    @Test
    void a_seated_booking_cannot_be_rescheduled() {
        fixture.given(seatedBooked())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511), null),
                        as(ANN, FACTS, free(seatedType(), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Booking booking-uid-1 has seats: a seat is given back and another booked")
                .expectNoEvents();
    }

    @Test
    void a_cancelled_booking_cannot_be_rescheduled() {
        fixture.given(accepted(), cancelledEarlier())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is cancelled already")
                .expectNoEvents();
    }

    @Test
    void a_booking_rescheduled_once_cannot_be_rescheduled_again() {
        fixture.given(accepted(), new BookingRescheduled(UID, BOOKING_ID, NEW_UID, null, "bob@example.com", EARLIER))
                .when(new RescheduleBooking(UID, "booking-uid-3", 902, NEW_START, NEW_END, List.of(521, 522), null),
                        as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_new_start_taken_meanwhile_is_a_conflict() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, verdict(personal(), Verdict.TAKEN)))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("2026-04-03T14:00:00Z is no longer available for event type 70")
                .expectNoEvents();
    }

    @Test
    void a_new_start_that_is_no_slot_of_the_event_type_is_refused() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, verdict(personal(), Verdict.NOT_OFFERED)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("2026-04-03T14:00:00Z is not an available slot of event type 70")
                .expectNoEvents();
    }

    @Test
    void a_new_length_the_event_type_does_not_offer_is_refused() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START,
                                NEW_END.plus(Duration.ofMinutes(15)), List.of(511, 512), null),
                        as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 lasts 30 minutes, not 45 minutes")
                .expectNoEvents();
    }

    @Test
    void a_booking_whose_event_type_is_gone_cannot_be_rescheduled() {
        fixture.given(accepted())
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511, 512), null),
                        as(BOB, FACTS, new BookingFacts(null, Map.of(), null, Map.of(), null)))
                .expectException(NotFound.class)
                .expectExceptionMessage("No event type 70")
                .expectNoEvents();
    }

    @Test
    void a_moved_booking_keeps_its_sms_reminder_number() {
        Map<String, Object> responses = new LinkedHashMap<>(bookedResponses());
        responses.put("smsReminderNumber", "+4915112345");
        BookingRequested withNumber = new BookingRequested(BOOKING_ID, UID, EVENT_TYPE, ANN_ID, List.of(ANN_ID),
                "ann@example.com", "Intro call between Ann Host and Bob Booker", null, START, END, 0, 0, null,
                BookingStatus.accepted, List.of(BOB_ATTENDEE), responses, Map.of(), Map.of(), "+4915112345",
                UID + "@Cal.com", 0, idempotencyKey(START, END, ANN_ID), null, null, null, null, CreationSource.api_v2,
                BOB_ID, new BookingHostSnapshot(null, 30, null, "ann@example.com", "Ann Host", "ann"), EARLIER);

        fixture.given(withNumber)
                .when(new RescheduleBooking(UID, NEW_UID, NEW_BOOKING_ID, NEW_START, NEW_END, List.of(511), null),
                        as(BOB, FACTS, free(personal(), ANN_ID)))
                .expectEventsMatching(rescheduled(old -> { },
                        moved -> assertThat(moved.smsReminderNumber()).isEqualTo("+4915112345")));
    }

    // ================================================================ MarkBookingAbsence

    @Test
    void the_host_marks_which_attendees_did_not_come() {
        Map<String, Boolean> absent = new LinkedHashMap<>();
        absent.put("bob@example.com", true);
        absent.put("gina@example.com", false);

        fixture.given(underWay())
                .when(new MarkBookingAbsence(UID, null, absent), as(ANN, FACTS, known(personal())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingAbsenceMarked(UID, BOOKING_ID, null,
                        List.of(new AttendeeAbsence(501, "bob@example.com", true),
                                new AttendeeAbsence(502, "gina@example.com", false)), NOW));
    }

    @Test
    void an_attendee_is_found_by_email_whatever_its_case() {
        fixture.given(underWay())
                .when(new MarkBookingAbsence(UID, false, Map.of("BOB@Example.com", true)),
                        as(ANN, FACTS, known(personal())))
                .expectEvents(new BookingAbsenceMarked(UID, BOOKING_ID, false,
                        List.of(new AttendeeAbsence(501, "bob@example.com", true)), NOW));
    }

    @Test
    void the_booker_marks_the_host_absent() {
        fixture.given(over())
                .when(new MarkBookingAbsence(UID, true, null), as(BOB, FACTS, known(personal())))
                .expectEvents(new BookingAbsenceMarked(UID, BOOKING_ID, true, List.of(), NOW));
    }

    @Test
    void the_booker_cannot_mark_attendees_absent() {
        fixture.given(underWay())
                .when(new MarkBookingAbsence(UID, true, Map.of("gina@example.com", true)),
                        as(BOB, FACTS, known(personal())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Attendees are marked absent by the host")
                .expectNoEvents();
    }

    @Test
    void a_stranger_cannot_mark_absence() {
        fixture.given(underWay())
                .when(new MarkBookingAbsence(UID, true, null), as(EVE, FACTS, known(personal())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Absence is marked by the host, or the host's by whom booked")
                .expectNoEvents();
    }

    @Test
    void absence_is_not_marked_before_the_booking_starts() {
        fixture.given(accepted())
                .when(new MarkBookingAbsence(UID, null, Map.of("bob@example.com", true)),
                        as(ANN, FACTS, known(personal())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Booking booking-uid-1 has not started; no one can have missed it yet")
                .expectNoEvents();
    }

    @Test
    void a_pending_booking_has_no_no_shows() {
        fixture.given(booked(BookingStatus.pending, RUNNING_START, RUNNING_END))
                .when(new MarkBookingAbsence(UID, null, Map.of("bob@example.com", true)),
                        as(ANN, FACTS, known(personal())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is pending; only an accepted booking has no-shows")
                .expectNoEvents();
    }

    @Test
    void a_cancelled_booking_has_no_no_shows() {
        fixture.given(underWay(), cancelledEarlier())
                .when(new MarkBookingAbsence(UID, true, null), as(BOB, FACTS, known(personal())))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is cancelled; only an accepted booking has no-shows")
                .expectNoEvents();
    }

    @Test
    void an_email_of_no_attendee_is_refused() {
        fixture.given(underWay())
                .when(new MarkBookingAbsence(UID, null, Map.of("eve@example.com", true)),
                        as(ANN, FACTS, known(personal())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("eve@example.com is no attendee of booking booking-uid-1")
                .expectNoEvents();
    }

    @Test
    void a_host_listed_among_the_attendees_is_not_marked_as_an_attendee() {
        fixture.given(teamBooked(BookingStatus.accepted, RUNNING_START, RUNNING_END))
                .when(new MarkBookingAbsence(UID, null, Map.of("carl@example.com", true)),
                        as(ANN, FACTS, known(collective())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("carl@example.com is no attendee of booking booking-uid-1")
                .expectNoEvents();
    }

    @Test
    void saying_no_one_is_absent_is_refused() {
        fixture.given(underWay())
                .when(new MarkBookingAbsence(UID, null, Map.of()), as(ANN, FACTS, known(personal())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Say who did not come: the host, attendees, or both")
                .expectNoEvents();
    }

    // ================================================================ AddBookingInternalNote

    @Test
    void the_host_keeps_a_note_on_a_booking() {
        fixture.given(accepted())
                .when(new AddBookingInternalNote(UID, 801, "Wants a demo"), as(ANN, FACTS, known(personal())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingInternalNoteAdded(UID, BOOKING_ID, 801, "Wants a demo", ANN_ID, NOW));
    }

    @Test
    void a_team_admin_keeps_a_note_on_a_booking_of_the_teams_event_type() {
        fixture.given(teamBooked(BookingStatus.accepted, START, END))
                .when(new AddBookingInternalNote(UID, 801, "VIP"),
                        as(TINA, FACTS, known(collective(), inTeam(TINA, MembershipRole.ADMIN))))
                .expectEvents(new BookingInternalNoteAdded(UID, BOOKING_ID, 801, "VIP", TINA_ID, NOW));
    }

    @Test
    void a_blank_note_is_refused() {
        fixture.given(accepted())
                .when(new AddBookingInternalNote(UID, 801, "  "), as(ANN, FACTS, known(personal())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A note has text")
                .expectNoEvents();
    }

    @Test
    void a_note_without_text_is_refused() {
        fixture.given(accepted())
                .when(new AddBookingInternalNote(UID, 801, null), as(ANN, FACTS, known(personal())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A note has text")
                .expectNoEvents();
    }

    @Test
    void the_booker_keeps_no_internal_notes() {
        fixture.given(accepted())
                .when(new AddBookingInternalNote(UID, 801, "Bring slides"), as(BOB, FACTS, known(personal())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only the host keeps notes on booking booking-uid-1")
                .expectNoEvents();
    }

    @Test
    void a_stranger_keeps_no_internal_notes() {
        fixture.given(accepted())
                .when(new AddBookingInternalNote(UID, 801, "Hello"), as(EVE, FACTS, known(personal())))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ================================================================ AddBookingReference

    private static AddBookingReference reference(String type, String referenceUid) {
        return new AddBookingReference(UID, 851, type, referenceUid, null, null, null, "ann@example.com", 31, null);
    }

    @Test
    void the_host_links_a_calendar_event_to_a_booking() {
        fixture.given(accepted())
                .when(reference("google_calendar", "gcal-event-1"), as(ANN, FACTS, known(personal())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingReferenceAdded(UID, BOOKING_ID, 851, "google_calendar", "gcal-event-1", null,
                        null, null, "ann@example.com", 31, null, NOW));
    }

    @Test
    void a_video_meeting_is_linked_with_its_meeting_details() {
        fixture.given(accepted())
                .when(new AddBookingReference(UID, 852, "daily_video", "daily-room", "room-1", "secret",
                        "https://daily.example/room-1", null, null, null), as(ANN, FACTS, known(personal())))
                .expectEvents(new BookingReferenceAdded(UID, BOOKING_ID, 852, "daily_video", "daily-room", "room-1",
                        "secret", "https://daily.example/room-1", null, null, null, NOW));
    }

    @Test
    void a_reference_without_a_type_is_refused() {
        fixture.given(accepted())
                .when(reference(" ", "gcal-event-1"), as(ANN, FACTS, known(personal())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A reference has a type (such as google_calendar or daily_video) and a uid")
                .expectNoEvents();
    }

    @Test
    void a_reference_without_a_uid_is_refused() {
        fixture.given(accepted())
                .when(reference("google_calendar", null), as(ANN, FACTS, known(personal())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A reference has a type (such as google_calendar or daily_video) and a uid")
                .expectNoEvents();
    }

    @Test
    void a_stranger_cannot_link_a_booking() {
        fixture.given(accepted())
                .when(reference("google_calendar", "gcal-event-1"), as(EVE, FACTS, known(personal())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only the host links booking booking-uid-1")
                .expectNoEvents();
    }

    // ================================================================ RemoveBookingReference

    private static BookingReferenceAdded referenceAdded() {
        return new BookingReferenceAdded(UID, BOOKING_ID, 851, "google_calendar", "gcal-event-1", null, null, null,
                "ann@example.com", 31, null, EARLIER);
    }

    @Test
    void the_host_removes_a_reference() {
        fixture.given(accepted(), referenceAdded())
                .when(new RemoveBookingReference(UID, 851), as(ANN, FACTS, known(personal())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingReferenceRemoved(UID, BOOKING_ID, 851, NOW));
    }

    @Test
    void a_reference_the_booking_does_not_have_is_not_found() {
        fixture.given(accepted(), referenceAdded())
                .when(new RemoveBookingReference(UID, 852), as(ANN, FACTS, known(personal())))
                .expectException(NotFound.class)
                .expectExceptionMessage("Booking booking-uid-1 has no reference 852")
                .expectNoEvents();
    }

    @Test
    void a_removed_reference_is_not_found_again() {
        fixture.given(accepted(), referenceAdded(), new BookingReferenceRemoved(UID, BOOKING_ID, 851, EARLIER))
                .when(new RemoveBookingReference(UID, 851), as(ANN, FACTS, known(personal())))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_stranger_cannot_unlink_a_booking() {
        fixture.given(accepted(), referenceAdded())
                .when(new RemoveBookingReference(UID, 851), as(EVE, FACTS, known(personal())))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only the host unlinks booking booking-uid-1")
                .expectNoEvents();
    }

    // ================================================================ RateBooking

    @Test
    void the_booker_rates_a_booking_that_took_place() {
        fixture.given(over())
                .when(new RateBooking(UID, 5, "Very helpful"), as(BOB))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingRated(UID, BOOKING_ID, 5, "Very helpful", NOW));
    }

    @Test
    void the_booker_rates_a_booking_under_way_with_the_lowest_rating() {
        fixture.given(underWay())
                .when(new RateBooking(UID, 1, null), as(BOB))
                .expectEvents(new BookingRated(UID, BOOKING_ID, 1, null, NOW));
    }

    @Test
    void a_system_admin_rates_any_booking() {
        fixture.given(over())
                .when(new RateBooking(UID, 4, null), as(ROOT))
                .expectEvents(new BookingRated(UID, BOOKING_ID, 4, null, NOW));
    }

    @Test
    void a_rating_below_one_is_refused() {
        fixture.given(over())
                .when(new RateBooking(UID, 0, null), as(BOB))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A rating is 1 to 5")
                .expectNoEvents();
    }

    @Test
    void a_rating_above_five_is_refused() {
        fixture.given(over())
                .when(new RateBooking(UID, 6, null), as(BOB))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A rating is 1 to 5")
                .expectNoEvents();
    }

    @Test
    void a_booking_is_not_rated_before_it_starts() {
        fixture.given(accepted())
                .when(new RateBooking(UID, 5, null), as(BOB))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Booking booking-uid-1 has not started; it is rated afterwards")
                .expectNoEvents();
    }

    @Test
    void a_booking_that_was_never_accepted_is_not_rated() {
        fixture.given(booked(BookingStatus.pending, PAST_START, PAST_END))
                .when(new RateBooking(UID, 5, null), as(BOB))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Booking booking-uid-1 is pending; only an accepted booking is rated")
                .expectNoEvents();
    }

    @Test
    void a_cancelled_booking_is_not_rated() {
        fixture.given(over(), cancelledEarlier())
                .when(new RateBooking(UID, 5, null), as(BOB))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void the_host_does_not_rate_a_booking() {
        fixture.given(over())
                .when(new RateBooking(UID, 5, null), as(ANN))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("A booking is rated by whom booked it")
                .expectNoEvents();
    }

    @Test
    void a_stranger_does_not_rate_a_booking() {
        fixture.given(over())
                .when(new RateBooking(UID, 5, null), as(EVE))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_booking_is_not_rated_without_a_caller() {
        fixture.given(over())
                .when(new RateBooking(UID, 5, null), MetaData.emptyInstance())
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }
}
