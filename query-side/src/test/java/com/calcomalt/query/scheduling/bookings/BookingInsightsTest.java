package com.calcomalt.query.scheduling.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingInsights;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.FindBookingInsights;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** FindBookingInsights: counts from BookingTimeStatusDenormalized for a user, a team or an organization. */
class BookingInsightsTest extends BookingFixtures {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Autowired
    private QueryGateway queries;

    private BookingInsights insights(Caller caller, String scope, Integer teamId, Instant from, Instant to) {
        return queries.query(new FindBookingInsights(scope, teamId, from, to, caller), BookingInsights.class).join();
    }

    private BookingInsights insights(int callerId, String scope, Integer teamId) {
        return insights(new Caller(callerId, false, null), scope, teamId, null, null);
    }

    private NewBooking teamBooking(int host, int teamId, Instant start) {
        NewBooking booking = booking(host, teamEventType(teamId, SchedulingType.roundRobin, 30, List.of(host)))
                .at(start, HALF_HOUR);
        booking.teamId = teamId;
        return booking.publish();
    }

    @Test
    void user_insights_count_the_callers_personal_bookings_by_time_status_and_status() {
        int host = user();
        int teamId = team(host);
        int eventTypeId = personalEventType(host, 30);
        booking(host, eventTypeId).at(inDays(-1), HALF_HOUR).publish();
        booking(host, eventTypeId).at(inDays(1), HALF_HOUR).publish();
        NewBooking pending = booking(host, eventTypeId).at(inDays(2), HALF_HOUR);
        pending.status = BookingStatus.pending;
        pending.publish();
        NewBooking cancelled = booking(host, eventTypeId).at(inDays(3), HALF_HOUR).publish();
        NewBooking moved = booking(host, eventTypeId).at(inDays(4), HALF_HOUR).publish();
        teamBooking(host, teamId, inDays(5));
        booking(user(), null).publish();
        publish("Booking", BookingIds.aggregateId(cancelled.uid),
                new BookingCancelled(cancelled.uid, cancelled.bookingId, null, null, CREATED));
        publish("Booking", BookingIds.aggregateId(moved.uid),
                new BookingRescheduled(moved.uid, moved.bookingId, "elsewhere-" + moved.uid, null, null, CREATED));
        awaitProjectionsCaughtUp();

        BookingInsights insights = insights(host, "user", null);
        assertThat(insights.scope()).isEqualTo("user");
        assertThat(insights.total()).isEqualTo(5);
        assertThat(insights.byTimeStatus()).isEqualTo(Map.of("completed", 1L, "uncompleted", 2L, "cancelled", 1L,
                "rescheduled", 1L));
        assertThat(insights.byStatus()).isEqualTo(Map.of("accepted", 2L, "pending", 1L, "cancelled", 2L,
                "rejected", 0L, "awaiting_host", 0L));
    }

    @Test
    void team_insights_count_the_teams_bookings_and_its_accepted_members_personal_ones() {
        int owner = user();
        int member = user();
        int invited = user();
        int outsider = user();
        int teamId = team(owner);
        int otherTeam = team(outsider);
        member(teamId, member, MembershipRole.MEMBER, true);
        member(teamId, invited, MembershipRole.MEMBER, false);
        member(otherTeam, member, MembershipRole.MEMBER, true);
        teamBooking(member, teamId, inDays(1));
        booking(member, personalEventType(member, 30)).at(inDays(-1), HALF_HOUR).publish();
        booking(owner, personalEventType(owner, 30)).at(inDays(2), HALF_HOUR).publish();
        booking(invited, personalEventType(invited, 30)).publish();
        booking(outsider, personalEventType(outsider, 30)).publish();
        teamBooking(member, otherTeam, inDays(3));
        awaitProjectionsCaughtUp();

        BookingInsights insights = insights(owner, "team", teamId);
        assertThat(insights.teamId()).isEqualTo(teamId);
        assertThat(insights.total()).isEqualTo(3);
        assertThat(insights.byTimeStatus()).containsEntry("completed", 1L).containsEntry("uncompleted", 2L);
    }

    @Test
    void org_insights_count_the_bookings_of_its_teams_and_of_their_accepted_members() {
        int owner = user();
        int teamHost = user();
        int outsider = user();
        int org = organization(owner);
        int subTeam = team(teamHost, org, false);
        teamBooking(teamHost, subTeam, inDays(1));
        teamBooking(owner, org, inDays(2));
        booking(teamHost, personalEventType(teamHost, 30)).at(inDays(3), HALF_HOUR).publish();
        booking(outsider, personalEventType(outsider, 30)).publish();
        awaitProjectionsCaughtUp();

        assertThat(insights(owner, "org", org).total()).isEqualTo(3);
        assertThat(insights(owner, "team", subTeam).total()).as("an organization's admin reads its teams")
                .isEqualTo(2);
        assertThat(insights(new Caller(owner, false, org), "org", org, null, null).total())
                .as("with the organization's API key").isEqualTo(3);
    }

    @Test
    void insights_count_only_the_bookings_that_start_within_the_range() {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        NewBooking first = booking(host, eventTypeId).at(inDays(1), HALF_HOUR).publish();
        NewBooking second = booking(host, eventTypeId).at(inDays(2), HALF_HOUR).publish();
        booking(host, eventTypeId).at(inDays(3), HALF_HOUR).publish();
        awaitProjectionsCaughtUp();

        BookingInsights insights = insights(new Caller(host, false, null), "user", null, first.start, second.start);
        assertThat(insights.total()).isEqualTo(2);
        assertThat(insights.from()).isEqualTo(first.start);
        assertThat(insights.to()).isEqualTo(second.start);
        assertThat(insights(new Caller(host, false, null), "user", null, second.start.plusMillis(1), null).total())
                .isEqualTo(1);
    }

    @Test
    void team_insights_are_for_its_admins_and_owners_and_system_admins() {
        int owner = user();
        int admin = user();
        int member = user();
        int outsider = user();
        int teamId = team(owner);
        member(teamId, admin, MembershipRole.ADMIN, true);
        member(teamId, member, MembershipRole.MEMBER, true);
        teamBooking(member, teamId, inDays(1));
        awaitProjectionsCaughtUp();

        assertThat(insights(admin, "team", teamId).total()).isEqualTo(1);
        assertThat(insights(new Caller(systemAdmin(), true, null), "team", teamId, null, null).total()).isEqualTo(1);
        assertThatThrownBy(() -> insights(member, "team", teamId)).hasCauseInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> insights(outsider, "team", teamId)).hasCauseInstanceOf(NotFound.class);
        assertThatThrownBy(() -> insights(owner, "org", teamId)).as("a team is no organization")
                .hasCauseInstanceOf(NotFound.class);
        assertThatThrownBy(() -> insights(owner, "team", uniqueId())).hasCauseInstanceOf(NotFound.class);
        assertThatThrownBy(() -> insights(new Caller(owner, false, teamId), "user", null, null, null))
                .hasCauseInstanceOf(AccessDenied.class);
    }
}
