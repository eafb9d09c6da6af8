package com.calcomalt.query.scheduling.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingAttendeeView;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingEventTypeRef;
import com.calcomalt.contracts.scheduling.BookingFilter;
import com.calcomalt.contracts.scheduling.BookingHostView;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingPage;
import com.calcomalt.contracts.scheduling.BookingRated;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingSeatView;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.BookingPaymentView;
import com.calcomalt.contracts.scheduling.BookingView;
import com.calcomalt.contracts.scheduling.FindBooking;
import com.calcomalt.contracts.scheduling.FindBookings;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.query.web.PaginatedApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** FindBookings and FindBooking through the query gateway, on bookings the projectors wrote. */
class BookingQueriesTest extends BookingFixtures {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Autowired
    private QueryGateway queries;

    /** The filters of GET /v2/bookings, none set. */
    private static final class Filter {
        List<String> status = List.of();
        String attendeeEmail;
        String attendeeName;
        List<Integer> eventTypeIds;
        List<Integer> teamIds;
        Instant afterStart;
        Instant beforeEnd;
        Instant afterCreatedAt;
        Instant beforeCreatedAt;
        Instant afterUpdatedAt;
        Instant beforeUpdatedAt;
        String sortStart;
        String sortEnd;
        String sortCreated;
        String sortUpdatedAt;
        int take = 100;
        int skip;

        Filter status(String... statuses) {
            status = List.of(statuses);
            return this;
        }

        BookingFilter build() {
            return new BookingFilter(status, attendeeEmail, attendeeName, eventTypeIds, teamIds, afterStart, beforeEnd,
                    afterCreatedAt, beforeCreatedAt, afterUpdatedAt, beforeUpdatedAt, sortStart, sortEnd, sortCreated,
                    sortUpdatedAt, take, skip);
        }
    }

    private static Caller as(int userId) {
        return new Caller(userId, false, null);
    }

    private BookingPage find(Caller caller, Filter filter) {
        return queries.query(new FindBookings(filter.build(), caller), BookingPage.class).join();
    }

    private List<String> uids(Caller caller, Filter filter) {
        return find(caller, filter).bookings().stream().map(BookingView::uid).toList();
    }

    private List<String> uids(int userId, Filter filter) {
        return uids(as(userId), filter);
    }

    private Optional<BookingView> findOne(Caller caller, String uid) {
        return queries.query(new FindBooking(uid, caller), ResponseTypes.optionalInstanceOf(BookingView.class)).join();
    }

    private void cancel(NewBooking booking, Instant at) {
        publish("Booking", BookingIds.aggregateId(booking.uid),
                new BookingCancelled(booking.uid, booking.bookingId, "Cancelled", null, at));
    }

    private void decline(NewBooking booking, Instant at) {
        publish("Booking", BookingIds.aggregateId(booking.uid),
                new BookingDeclined(booking.uid, booking.bookingId, "Declined", booking.userId, at));
    }

    private void confirm(NewBooking booking, Instant at) {
        publish("Booking", BookingIds.aggregateId(booking.uid),
                new BookingConfirmed(booking.uid, booking.bookingId, booking.userId, at));
    }

    private NewBooking pending(NewBooking booking) {
        booking.status = BookingStatus.pending;
        return booking;
    }

    /** A host's bookings across the listings: ended, underway, ahead, pending, cancelled and rejected. */
    private record Listings(int host, NewBooking ended, NewBooking endedLongAgo, NewBooking underway,
                            NewBooking pendingSoon, NewBooking ahead, NewBooking pendingEnded, NewBooking cancelled,
                            NewBooking rejected, NewBooking cancelledEnded) {
    }

    private Listings listings() {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        NewBooking ended = booking(host, eventTypeId).at(inDays(-1), HALF_HOUR).publish();
        NewBooking endedLongAgo = booking(host, eventTypeId).at(inDays(-9), HALF_HOUR).publish();
        NewBooking underway = booking(host, eventTypeId).at(NOW.minus(HALF_HOUR), Duration.ofMinutes(120)).publish();
        NewBooking pendingSoon = pending(booking(host, eventTypeId).at(inDays(1), HALF_HOUR)).publish();
        NewBooking ahead = booking(host, eventTypeId).at(inDays(2), HALF_HOUR).publish();
        NewBooking pendingEnded = pending(booking(host, eventTypeId).at(inDays(-2), HALF_HOUR)).publish();
        NewBooking cancelled = booking(host, eventTypeId).at(inDays(3), HALF_HOUR).publish();
        NewBooking rejected = pending(booking(host, eventTypeId).at(inDays(4), HALF_HOUR)).publish();
        NewBooking cancelledEnded = booking(host, eventTypeId).at(inDays(-3), HALF_HOUR).publish();
        cancel(cancelled, CREATED.plusSeconds(10));
        decline(rejected, CREATED.plusSeconds(20));
        cancel(cancelledEnded, CREATED.plusSeconds(30));
        awaitProjectionsCaughtUp();
        return new Listings(host, ended, endedLongAgo, underway, pendingSoon, ahead, pendingEnded, cancelled,
                rejected, cancelledEnded);
    }

    @Test
    void upcoming_lists_the_bookings_that_have_not_ended_pending_ones_too_soonest_first() {
        Listings l = listings();
        assertThat(uids(l.host(), new Filter().status("upcoming")))
                .containsExactly(l.underway().uid, l.pendingSoon().uid, l.ahead().uid);
    }

    @Test
    void a_cancelled_booking_is_not_upcoming_but_listed_as_cancelled_with_rejected_ones_latest_first() {
        Listings l = listings();
        assertThat(uids(l.host(), new Filter().status("upcoming"))).doesNotContain(l.cancelled().uid,
                l.rejected().uid);
        assertThat(uids(l.host(), new Filter().status("cancelled")))
                .containsExactly(l.rejected().uid, l.cancelled().uid, l.cancelledEnded().uid);
    }

    @Test
    void past_lists_the_bookings_that_have_ended_latest_first_without_cancelled_ones() {
        Listings l = listings();
        assertThat(uids(l.host(), new Filter().status("past")))
                .containsExactly(l.ended().uid, l.pendingEnded().uid, l.endedLongAgo().uid);
    }

    @Test
    void unconfirmed_lists_the_pending_bookings_that_have_not_ended() {
        Listings l = listings();
        assertThat(uids(l.host(), new Filter().status("unconfirmed"))).containsExactly(l.pendingSoon().uid);
    }

    @Test
    void recurring_lists_nothing_since_no_booking_belongs_to_a_series() {
        Listings l = listings();
        assertThat(uids(l.host(), new Filter().status("recurring"))).isEmpty();
    }

    @Test
    void several_statuses_list_the_bookings_of_any_of_them_and_none_lists_all_soonest_first() {
        Listings l = listings();
        assertThat(uids(l.host(), new Filter().status("unconfirmed", "cancelled")))
                .containsExactly(l.cancelledEnded().uid, l.pendingSoon().uid, l.cancelled().uid, l.rejected().uid);
        assertThat(uids(l.host(), new Filter())).containsExactly(l.endedLongAgo().uid, l.cancelledEnded().uid,
                l.pendingEnded().uid, l.ended().uid, l.underway().uid, l.pendingSoon().uid, l.ahead().uid,
                l.cancelled().uid, l.rejected().uid);
    }

    @Test
    void attendee_email_and_name_filter_case_insensitively() {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        NewBooking ann = booking(host, eventTypeId).attendee(attendee("Ann Lee", "Ann.Lee@Example.com")).publish();
        NewBooking bob = booking(host, eventTypeId).attendee(attendee("Bob", "bob@example.com")).publish();
        awaitProjectionsCaughtUp();

        Filter byEmail = new Filter();
        byEmail.attendeeEmail = "ann.lee@example.COM";
        assertThat(uids(host, byEmail)).containsExactly(ann.uid);
        Filter byName = new Filter();
        byName.attendeeName = "BOB";
        assertThat(uids(host, byName)).containsExactly(bob.uid);
        byName.attendeeName = "Bo";
        assertThat(uids(host, byName)).isEmpty();
    }

    @Test
    void event_type_and_team_filters_keep_their_bookings_and_a_team_keeps_its_managed_childrens_too() {
        int owner = user();
        int teamId = team(owner);
        int otherTeam = team(owner);
        int personalType = personalEventType(owner, 30);
        int teamType = teamEventType(teamId, SchedulingType.roundRobin, 30, List.of(owner));
        int otherType = teamEventType(otherTeam, SchedulingType.roundRobin, 30, List.of(owner));
        int managed = teamEventType(teamId, SchedulingType.managed, 30, List.of());
        int child = managedChild(managed, owner, 30);
        NewBooking personal = booking(owner, personalType).at(inDays(1), HALF_HOUR).publish();
        NewBooking team = booking(owner, teamType).at(inDays(2), HALF_HOUR).publish();
        NewBooking other = booking(owner, otherType).at(inDays(3), HALF_HOUR).publish();
        NewBooking fromChild = booking(owner, child).at(inDays(4), HALF_HOUR).publish();
        awaitProjectionsCaughtUp();

        Filter byType = new Filter();
        byType.eventTypeIds = List.of(personalType, otherType);
        assertThat(uids(owner, byType)).containsExactly(personal.uid, other.uid);
        Filter byTeam = new Filter();
        byTeam.teamIds = List.of(teamId);
        assertThat(uids(owner, byTeam)).containsExactly(team.uid, fromChild.uid);
        byTeam.teamIds = List.of(teamId, otherTeam);
        byTeam.eventTypeIds = List.of(otherType, personalType);
        assertThat(uids(owner, byTeam)).as("filters combine").containsExactly(other.uid);
    }

    @Test
    void time_bounds_keep_bookings_by_their_start_end_creation_and_last_change() {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        NewBooking early = booking(host, eventTypeId).at(inDays(1), HALF_HOUR);
        early.createdAt = CREATED;
        early.publish();
        NewBooking middle = booking(host, eventTypeId).at(inDays(2), HALF_HOUR);
        middle.createdAt = CREATED.plusSeconds(100);
        pending(middle).publish();
        NewBooking late = booking(host, eventTypeId).at(inDays(3), HALF_HOUR);
        late.createdAt = CREATED.plusSeconds(200);
        pending(late).publish();
        confirm(middle, CREATED.plusSeconds(1000));
        confirm(late, CREATED.plusSeconds(2000));
        awaitProjectionsCaughtUp();

        Filter f = new Filter();
        f.afterStart = middle.start;
        assertThat(uids(host, f)).containsExactly(middle.uid, late.uid);
        f = new Filter();
        f.beforeEnd = middle.end;
        assertThat(uids(host, f)).containsExactly(early.uid, middle.uid);
        f = new Filter();
        f.afterCreatedAt = CREATED.plusSeconds(100);
        f.beforeCreatedAt = CREATED.plusSeconds(199);
        assertThat(uids(host, f)).containsExactly(middle.uid);
        f = new Filter();
        f.afterUpdatedAt = CREATED.plusSeconds(1500);
        assertThat(uids(host, f)).containsExactly(late.uid);
        f = new Filter();
        f.beforeUpdatedAt = CREATED.plusSeconds(1500);
        assertThat(uids(host, f)).as("a booking never changed has no updatedAt").containsExactly(middle.uid);
    }

    @Test
    void sorts_order_by_start_end_creation_or_last_change_either_way() {
        int host = user();
        int eventTypeId = personalEventType(host, 60);
        NewBooking a = booking(host, eventTypeId).at(inDays(1), Duration.ofMinutes(60));
        a.createdAt = CREATED.plusSeconds(30);
        pending(a).publish();
        NewBooking b = booking(host, eventTypeId).at(inDays(1).plusSeconds(600), Duration.ofMinutes(30));
        b.createdAt = CREATED.plusSeconds(10);
        pending(b).publish();
        NewBooking c = booking(host, eventTypeId).at(inDays(2), Duration.ofMinutes(30));
        c.createdAt = CREATED.plusSeconds(20);
        c.publish();
        confirm(a, CREATED.plusSeconds(500));
        confirm(b, CREATED.plusSeconds(400));
        awaitProjectionsCaughtUp();

        Filter f = new Filter();
        f.sortStart = "desc";
        assertThat(uids(host, f)).containsExactly(c.uid, b.uid, a.uid);
        f = new Filter();
        f.sortEnd = "asc";
        assertThat(uids(host, f)).containsExactly(b.uid, a.uid, c.uid);
        f = new Filter();
        f.sortCreated = "asc";
        assertThat(uids(host, f)).containsExactly(b.uid, c.uid, a.uid);
        f = new Filter();
        f.sortUpdatedAt = "desc";
        assertThat(uids(host, f)).as("never changed first, as PostgreSQL puts nulls when descending")
                .containsExactly(c.uid, a.uid, b.uid);
        f = new Filter();
        f.sortUpdatedAt = "asc";
        assertThat(uids(host, f)).containsExactly(b.uid, a.uid, c.uid);
    }

    @Test
    void bookings_starting_together_keep_one_order_by_id_across_pages() {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        List<NewBooking> same = List.of(booking(host, eventTypeId), booking(host, eventTypeId),
                booking(host, eventTypeId), booking(host, eventTypeId), booking(host, eventTypeId));
        same.forEach(NewBooking::publish);
        awaitProjectionsCaughtUp();

        Filter f = new Filter();
        f.take = 2;
        f.skip = 0;
        BookingPage first = find(as(host), f);
        f.skip = 2;
        BookingPage second = find(as(host), f);
        f.skip = 4;
        BookingPage third = find(as(host), f);
        assertThat(first.totalItems()).isEqualTo(5);
        assertThat(first.take()).isEqualTo(2);
        assertThat(second.skip()).isEqualTo(2);
        assertThat(List.of(first, second, third).stream().flatMap(p -> p.bookings().stream()).map(BookingView::uid))
                .containsExactlyElementsOf(same.stream().map(b -> b.uid).toList());
        assertThat(third.bookings()).hasSize(1);
    }

    @Test
    void a_page_says_where_it_stands_in_cal_com_api_v2s_pagination() {
        var page = PaginatedApiResponse.success(List.of("a", "b"), 7, 2, 4);
        assertThat(page.status()).isEqualTo("success");
        assertThat(page.pagination()).isEqualTo(new PaginatedApiResponse.Pagination(7, 1, 2, 2, 3, 4, true, true));
        var last = PaginatedApiResponse.success(List.of("g"), 7, 2, 6);
        assertThat(last.pagination()).isEqualTo(new PaginatedApiResponse.Pagination(7, 0, 1, 2, 4, 4, false, true));
        var beyond = PaginatedApiResponse.success(List.of(), 7, 2, 10);
        assertThat(beyond.pagination()).as("past the end: the last page")
                .isEqualTo(new PaginatedApiResponse.Pagination(7, 0, 0, 2, 4, 4, false, true));
        var empty = PaginatedApiResponse.success(List.of(), 0, 100, 0);
        assertThat(empty.pagination()).as("no pages: page 0")
                .isEqualTo(new PaginatedApiResponse.Pagination(0, 0, 0, 100, 0, 0, false, false));
    }

    @Test
    void an_unknown_status_or_sort_is_invalid_input() {
        int host = user();
        assertThatThrownBy(() -> find(as(host), new Filter().status("someday")))
                .hasCauseInstanceOf(InvalidInput.class);
        Filter f = new Filter();
        f.sortStart = "up";
        assertThatThrownBy(() -> find(as(host), f)).hasCauseInstanceOf(InvalidInput.class);
    }

    @Test
    void a_caller_sees_the_bookings_they_host_or_attend_by_their_email_as_kept_or_in_lower_case() {
        int host = user();
        int guestUser = uniqueId();
        publish("User", "user:" + guestUser, new UserRegistered(guestUser, UUID.randomUUID(),
                "Mixed" + guestUser + "@Example.com", "m" + guestUser, null, "UTC", "Monday", "en", 24,
                IdentityProvider.CAL, null, CreationSource.api_v2, CREATED));
        int stranger = user();
        int eventTypeId = personalEventType(host, 30);
        NewBooking attendedAsKept = booking(host, eventTypeId).at(inDays(1), HALF_HOUR)
                .attendee(attendee("M", "Mixed" + guestUser + "@Example.com")).publish();
        NewBooking attendedInLowerCase = booking(host, eventTypeId).at(inDays(2), HALF_HOUR)
                .attendee(attendee("M", "mixed" + guestUser + "@example.com")).publish();
        NewBooking notAttended = booking(host, eventTypeId).at(inDays(3), HALF_HOUR)
                .attendee(attendee("X", "x@example.com")).publish();
        NewBooking hostedByGuest = booking(guestUser, personalEventType(guestUser, 30)).at(inDays(4), HALF_HOUR)
                .publish();
        awaitProjectionsCaughtUp();

        assertThat(uids(host, new Filter())).containsExactly(attendedAsKept.uid, attendedInLowerCase.uid,
                notAttended.uid);
        assertThat(uids(guestUser, new Filter())).containsExactly(attendedAsKept.uid, attendedInLowerCase.uid,
                hostedByGuest.uid);
        assertThat(uids(stranger, new Filter())).isEmpty();
        assertThat(find(as(guestUser), new Filter()).totalItems()).isEqualTo(3);
    }

    @Test
    void admins_and_owners_of_a_team_see_its_event_types_bookings_while_members_and_invitees_do_not() {
        int owner = user();
        int admin = user();
        int member = user();
        int invitedAdmin = user();
        int teamId = team(owner);
        member(teamId, admin, MembershipRole.ADMIN, true);
        member(teamId, member, MembershipRole.MEMBER, true);
        member(teamId, invitedAdmin, MembershipRole.ADMIN, false);
        int teamType = teamEventType(teamId, SchedulingType.roundRobin, 30, List.of(member));
        NewBooking teamBooking = booking(member, teamType).publish();
        NewBooking membersOwn = booking(member, personalEventType(member, 30)).at(inDays(2), HALF_HOUR).publish();
        awaitProjectionsCaughtUp();

        assertThat(uids(owner, new Filter())).containsExactly(teamBooking.uid);
        assertThat(uids(admin, new Filter())).containsExactly(teamBooking.uid);
        assertThat(uids(member, new Filter())).as("as host").containsExactly(teamBooking.uid, membersOwn.uid);
        assertThat(uids(invitedAdmin, new Filter())).isEmpty();
    }

    @Test
    void a_bookings_payment_is_seen_by_its_host_the_teams_admins_and_system_admins_only() {
        int owner = user();
        int admin = user();
        int host = user();
        int attendeeUser = user();
        int sysAdmin = systemAdmin();
        int teamId = team(owner);
        member(teamId, admin, MembershipRole.ADMIN, true);
        member(teamId, host, MembershipRole.MEMBER, true);
        NewBooking booking = booking(host, teamEventType(teamId, SchedulingType.roundRobin, 30, List.of(host)))
                .attendee(attendee("A", email(attendeeUser))).at(inDays(4), HALF_HOUR).publish();
        int paymentId = uniqueId();
        publish("Payment", com.calcomalt.contracts.payments.PaymentIds.aggregateId("pay-" + paymentId),
                new com.calcomalt.contracts.payments.PaymentInitiated("pay-" + paymentId, paymentId,
                        booking.bookingId, booking.uid, "stripe", 5000, 0, "usd", "pi_" + paymentId,
                        com.calcomalt.contracts.scheduling.PaymentOption.ON_BOOKING,
                        Map.of("id", "pi_" + paymentId, "client_secret", "pi_secret"), inDays(0)));
        awaitProjectionsCaughtUp();

        for (Caller reader : List.of(as(host), as(admin), as(owner), new Caller(sysAdmin, true, null))) {
            List<BookingPaymentView> payments = findOne(reader, booking.uid).orElseThrow().payment();
            assertThat(payments).as("caller " + reader).hasSize(1);
            assertThat(payments.get(0).status()).isEqualTo("requires_payment");
            assertThat(payments.get(0).clientSecret()).as("only the booking's answer and its page show it").isNull();
        }
        assertThat(findOne(as(attendeeUser), booking.uid).orElseThrow().payment()).as("the attendee").isEmpty();
    }

    @Test
    void admins_of_an_organization_see_the_bookings_of_its_teams() {
        int orgOwner = user();
        int orgMember = user();
        int host = user();
        int org = organization(orgOwner);
        member(org, orgMember, MembershipRole.MEMBER, true);
        int subTeam = team(host, org, false);
        NewBooking booking = booking(host, teamEventType(subTeam, SchedulingType.roundRobin, 30, List.of(host)))
                .publish();
        awaitProjectionsCaughtUp();

        assertThat(uids(orgOwner, new Filter())).containsExactly(booking.uid);
        assertThat(uids(orgMember, new Filter())).isEmpty();
    }

    @Test
    void system_admins_see_every_booking() {
        int admin = systemAdmin();
        int host = user();
        NewBooking booking = booking(host, personalEventType(host, 30)).at(inDays(30), HALF_HOUR).publish();
        awaitProjectionsCaughtUp();

        Filter f = new Filter();
        f.afterStart = booking.start;
        f.beforeEnd = booking.end;
        assertThat(uids(new Caller(admin, true, null), f)).contains(booking.uid);
        assertThat(findOne(new Caller(admin, true, null), booking.uid)).isPresent();
    }

    @Test
    void a_teams_api_key_sees_its_teams_bookings_but_not_its_makers_own() {
        int owner = user();
        int teamId = team(owner);
        int otherTeam = team(owner);
        NewBooking teamBooking = booking(owner, teamEventType(teamId, SchedulingType.roundRobin, 30,
                List.of(owner))).at(inDays(1), HALF_HOUR).publish();
        NewBooking otherTeamBooking = booking(owner, teamEventType(otherTeam, SchedulingType.roundRobin, 30,
                List.of(owner))).at(inDays(2), HALF_HOUR).publish();
        NewBooking own = booking(owner, personalEventType(owner, 30)).at(inDays(3), HALF_HOUR).publish();
        awaitProjectionsCaughtUp();

        Caller teamKey = new Caller(owner, false, teamId);
        assertThat(uids(teamKey, new Filter())).containsExactly(teamBooking.uid);
        assertThat(findOne(teamKey, own.uid)).isEmpty();
        assertThat(findOne(teamKey, otherTeamBooking.uid)).isEmpty();
        assertThat(uids(owner, new Filter())).containsExactly(teamBooking.uid, otherTeamBooking.uid, own.uid);
    }

    @Test
    void find_booking_answers_those_who_may_see_it_and_no_one_else() {
        int host = user();
        int attendeeUser = user();
        int stranger = user();
        NewBooking booking = booking(host, personalEventType(host, 30))
                .attendee(attendee("A", email(attendeeUser))).publish();
        awaitProjectionsCaughtUp();

        assertThat(findOne(as(host), booking.uid)).map(BookingView::id).contains(booking.bookingId);
        assertThat(findOne(as(attendeeUser), booking.uid)).isPresent();
        assertThat(findOne(as(stranger), booking.uid)).isEmpty();
        assertThat(findOne(as(host), "no-such-booking")).isEmpty();
    }

    @Test
    void a_booking_is_shown_as_cal_com_api_v2_shows_it() {
        int organizer = user();
        int coHost = user();
        int teamId = team(organizer);
        member(teamId, coHost, MembershipRole.MEMBER, true);
        int collective = teamEventType(teamId, SchedulingType.collective, 45, List.of(organizer, coHost));
        BookingAttendee booker = new BookingAttendee(uniqueId(), "Ann", "ann@example.com", "Europe/Paris", "fr",
                "+33100000000");
        BookingAttendee guest = new BookingAttendee(uniqueId(), "", "guest@example.com", "Europe/Paris", "fr", null);
        BookingAttendee coHostAttendee = new BookingAttendee(uniqueId(), "User " + coHost, email(coHost), "UTC",
                "fr", null);
        NewBooking original = booking(organizer, collective).at(inDays(-2), Duration.ofMinutes(45));
        original.publish();
        NewBooking booking = booking(organizer, collective).at(inDays(-1), Duration.ofMinutes(45)).attendee(booker)
                .attendee(guest).attendee(coHostAttendee);
        booking.hostIds = List.of(organizer, coHost);
        booking.teamId = teamId;
        booking.fromReschedule = original.uid;
        booking.rescheduledBy = "ann@example.com";
        booking.responses = Map.of("name", "Ann", "email", "ann@example.com", "guests", List.of("guest@example.com"),
                "rescheduleReason", "Clash");
        booking.metadata = Map.of("videoCallUrl", "https://video.example/r");
        NewBooking replacement = booking(organizer, collective).at(inDays(3), Duration.ofMinutes(45));
        replacement.fromReschedule = booking.uid;
        publish("Booking", BookingIds.aggregateId(original.uid), new BookingRescheduled(original.uid,
                original.bookingId, booking.uid, "Clash", "ann@example.com", CREATED.plusSeconds(1)));
        booking.publish();
        publish("Booking", BookingIds.aggregateId(booking.uid),
                new BookingAbsenceMarked(booking.uid, booking.bookingId, true,
                        List.of(new AttendeeAbsence(guest.attendeeId(), guest.email(), true)), CREATED.plusSeconds(2)),
                new BookingRated(booking.uid, booking.bookingId, 5, "Great", CREATED.plusSeconds(3)),
                new BookingRescheduled(booking.uid, booking.bookingId, replacement.uid, "Moved again", email(organizer),
                        CREATED.plusSeconds(4)));
        replacement.publish();
        awaitProjectionsCaughtUp();

        BookingView view = findOne(as(coHost), booking.uid).orElseThrow();
        assertThat(view.id()).isEqualTo(booking.bookingId);
        assertThat(view.title()).isEqualTo(booking.title);
        assertThat(view.description()).isEqualTo("Agenda");
        assertThat(view.hosts()).containsExactly(
                new BookingHostView(organizer, "User " + organizer, email(organizer), "u" + organizer, "Europe/Berlin"),
                new BookingHostView(coHost, "User " + coHost, email(coHost), "u" + coHost, "Europe/Berlin"));
        assertThat(view.attendees()).as("the co-host is a host, not an attendee").containsExactly(
                new BookingAttendeeView("Ann", "ann@example.com", "Europe/Paris", "fr", false, "+33100000000"),
                new BookingAttendeeView("", "guest@example.com", "Europe/Paris", "fr", true, null));
        assertThat(view.guests()).containsExactly("guest@example.com");
        assertThat(view.status()).isEqualTo("cancelled");
        assertThat(view.cancellationReason()).isEqualTo("Moved again");
        assertThat(view.cancelledByEmail()).isNull();
        assertThat(view.reschedulingReason()).isEqualTo("Clash");
        assertThat(view.rescheduledByEmail()).isEqualTo(email(organizer));
        assertThat(view.rescheduledFromUid()).isEqualTo(original.uid);
        assertThat(view.rescheduledToUid()).isEqualTo(replacement.uid);
        assertThat(view.start()).isEqualTo(booking.start);
        assertThat(view.end()).isEqualTo(booking.end);
        assertThat(view.duration()).isEqualTo(45);
        assertThat(view.eventTypeId()).isEqualTo(collective);
        assertThat(view.eventType()).isEqualTo(new BookingEventTypeRef(collective, "team-call-" + collective));
        assertThat(view.meetingUrl()).isEqualTo("https://video.example/r");
        assertThat(view.location()).isEqualTo("integrations:daily");
        assertThat(view.absentHost()).isTrue();
        assertThat(view.createdAt()).isEqualTo(CREATED);
        assertThat(view.updatedAt()).isEqualTo(CREATED.plusSeconds(4));
        assertThat(view.metadata()).isEqualTo(booking.metadata);
        assertThat(view.rating()).isEqualTo(5);
        assertThat(view.icsUid()).isEqualTo(booking.uid + "@Cal.com");
        assertThat(view.bookingFieldsResponses()).isEqualTo(booking.responses);
        assertThat(view.seats()).isEmpty();

        BookingView moved = findOne(as(organizer), original.uid).orElseThrow();
        assertThat(moved.rescheduledToUid()).isEqualTo(booking.uid);
        assertThat(moved.cancellationReason()).as("why it was moved away").isEqualTo("Clash");
        assertThat(moved.reschedulingReason()).as("cal.com reads it from the new booking's responses only").isNull();
        assertThat(findOne(as(organizer), replacement.uid).orElseThrow().rescheduledToUid()).isNull();
    }

    @Test
    void a_seated_booking_shows_its_seats() {
        int host = user();
        BookingAttendee seated = attendee("Seated", "seated@example.com");
        NewBooking booking = booking(host, personalEventType(host, 30));
        booking.seat = new BookingSeatData(uniqueId(), "seat-" + uniqueId(), seated, Map.of("name", "Seated"),
                Map.of("row", 1));
        booking.publish();
        awaitProjectionsCaughtUp();

        BookingView view = findOne(as(host), booking.uid).orElseThrow();
        assertThat(view.seats()).containsExactly(new BookingSeatView(booking.seat.referenceUid(),
                "seated@example.com", Map.of("name", "Seated"), Map.of("row", 1)));
        assertThat(view.attendees()).extracting(BookingAttendeeView::email).containsExactly("seated@example.com");
        assertThat(view.eventType()).isNotNull();
    }
}
