package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GET /v2/bookings, /v2/bookings/{uid} and /v2/insights/bookings over HTTP, on one set of bookings
 * made once for the class. The application's clock is set back while they are made, so some start
 * in the past and each was made (and changed) at a known instant.
 * <p>
 * Hana hosts eight personal bookings; an organization runs the teams Sales and Support, whose event
 * types Mo (a member of Sales) and Olga (the organization's owner) host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingQueriesApiTest extends ApiTest {

    /** The application's time while the bookings are made: months before the tests run. */
    private static final Instant SETUP = Instant.parse("2026-02-01T00:00:00Z");

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private Member hana;
    private Member booker;
    private Member olga;
    private Member ada;
    private Member mo;
    private Member mia;
    private Member stranger;
    private int intro;
    private int review;
    private int salesTeam;
    private int supportTeam;
    private int organization;

    // Hana's bookings, in the order they were made.
    private String early;
    private String pastDone;
    private String pastCancelled;
    private String longCancelled;
    private String shortOne;
    private String pending;
    private String declined;
    private String pastPending;

    // The organization's.
    private String salesBooked;
    private String salesCancelled;
    private String mosOwn;
    private String supportBooked;

    @BeforeAll
    void bookings() {
        client();
        hana = newMember("hana", "example.com");
        booker = newMember("booker", "example.com");
        stranger = newMember("stranger", "example.com");
        berlinHours(hana);
        intro = created(as(hana.key(), () -> post("/v2/event-types", """
                {"title": "Intro", "slug": "intro-%s", "lengthInMinutes": 30,
                 "metadata": {"multipleDuration": [30, 90]}}""".formatted(tag))));
        review = created(as(hana.key(), () -> post("/v2/event-types", """
                {"title": "Review", "slug": "review-%s", "lengthInMinutes": 30, "confirmationPolicy": {"type": "always", "blockUnconfirmedBookingsInBooker": false}}"""
                .formatted(tag))));
        organization();

        try {
            at(SETUP.plus(Duration.ofMinutes(30)));
            early = book(booker, intro, "2094-03-04T08:00:00Z", null, "Eve Early", "eve");
            at(SETUP.plus(Duration.ofHours(1)));
            pastDone = book(booker, intro, "2026-02-02T08:00:00Z", null, "Paula Past", "paula");
            at(SETUP.plus(Duration.ofHours(2)));
            pastCancelled = book(booker, intro, "2026-02-03T08:00:00Z", null, "Carl Cancelled", "carl");
            at(SETUP.plus(Duration.ofHours(3)));
            longCancelled = book(booker, intro, "2094-03-01T08:00:00Z", 90, "Lena Long", "lena");
            at(SETUP.plus(Duration.ofHours(4)));
            ok(as(hana.key(), () -> post("/v2/bookings/" + longCancelled + "/cancel", "{}")));
            at(SETUP.plus(Duration.ofHours(5)));
            shortOne = book(booker, intro, "2094-03-01T08:30:00Z", null, "Sam Short", "sam");
            at(SETUP.plus(Duration.ofHours(6)));
            pending = book(booker, review, "2094-03-02T08:00:00Z", null, "Una Unconfirmed", "una");
            at(SETUP.plus(Duration.ofHours(7)));
            declined = book(booker, review, "2094-03-03T08:00:00Z", null, "Dora Declined", "dora");
            at(SETUP.plus(Duration.ofHours(8)));
            ok(as(hana.key(), () -> post("/v2/bookings/" + declined + "/decline", "{\"reason\": \"Full\"}")));
            at(SETUP.plus(Duration.ofHours(9)));
            pastPending = book(booker, review, "2026-02-04T08:00:00Z", null, "Pia Pending", "pia");
            at(Instant.parse("2026-02-02T12:00:00Z"));
            ok(as(hana.key(), () -> post("/v2/bookings/" + pastCancelled + "/cancel", "{}")));

            at(SETUP.plus(Duration.ofHours(10)));
            int sales = created(as(olga.key(), () -> post("/v2/teams/" + salesTeam + "/event-types", """
                    {"title": "Sales call", "slug": "sales-call", "lengthInMinutes": 30, "schedulingType": "COLLECTIVE",
                     "hosts": [{"userId": %d, "mandatory": true}]}""".formatted(mo.id()))));
            int support = created(as(olga.key(), () -> post("/v2/teams/" + supportTeam + "/event-types", """
                    {"title": "Support call", "slug": "support-call", "lengthInMinutes": 30,
                     "schedulingType": "COLLECTIVE", "hosts": [{"userId": %d, "mandatory": true}]}"""
                    .formatted(olga.id()))));
            int mosType = created(as(mo.key(), () -> post("/v2/event-types", """
                    {"title": "Mo's call", "slug": "mo-%s", "lengthInMinutes": 30}""".formatted(tag))));
            salesBooked = as(booker.key(), () -> uidOf(post("/v2/bookings", body(sales, "2094-03-01T08:00:00Z",
                    null, "Booker Self", booker.email()))));
            salesCancelled = book(booker, sales, "2094-03-01T09:00:00Z", null, "Gus Guest", "gus");
            ok(as(mo.key(), () -> post("/v2/bookings/" + salesCancelled + "/cancel", "{}")));
            mosOwn = book(booker, mosType, "2026-02-02T08:00:00Z", null, "Pat Personal", "pat");
            supportBooked = book(booker, support, "2094-03-01T08:00:00Z", null, "Sue Support", "sue");
        } finally {
            clock.reset();
        }
        awaitProjectionsCaughtUp();
    }

    @AfterAll
    void systemTime() {
        clock.reset();
    }

    private void organization() {
        String domain = "org-" + tag + ".example";
        olga = newMember("olga", domain);
        ada = newMember("ada", domain);
        mo = newMember("mo", domain);
        mia = newMember("mia", domain);
        berlinHours(olga);
        berlinHours(mo);
        organization = created(as(ADMIN_KEY, () -> post("/v2/organizations", """
                {"name": "Org", "slug": "org-%s", "orgOwnerEmail": "%s", "organizationSettings": {"orgAutoAcceptEmail": "%s"}}"""
                .formatted(tag, olga.email(), domain))));
        salesTeam = created(as(olga.key(), () -> post("/v2/organizations/" + organization + "/teams",
                "{\"name\": \"Sales\", \"slug\": \"sales\"}")));
        supportTeam = created(as(olga.key(), () -> post("/v2/organizations/" + organization + "/teams",
                "{\"name\": \"Support\", \"slug\": \"support\"}")));
        // Their email's domain is the organization's: they are accepted in it and in its teams at once.
        for (Member member : List.of(ada, mo, mia)) {
            created(as(olga.key(), () -> post("/v2/organizations/" + organization + "/memberships", """
                    {"userId": %d, "role": "MEMBER"}""".formatted(member.id()))));
            String role = member == ada ? "ADMIN" : "MEMBER";
            created(as(olga.key(), () -> post("/v2/teams/" + salesTeam + "/memberships", """
                    {"userId": %d, "role": "%s"}""".formatted(member.id(), role))));
        }
        awaitProjectionsCaughtUp();
    }

    // --- GET /v2/bookings: status ------------------------------------------------------------

    @Test
    void each_status_lists_its_bookings_in_cal_coms_order() {
        assertThat(uids(hana, "status=upcoming")).containsExactly(shortOne, pending, early);
        assertThat(uids(hana, "status=recurring")).as("no booking recurs").isEmpty();
        assertThat(uids(hana, "status=past")).as("latest first; a pending booking that ended is past")
                .containsExactly(pastPending, pastDone);
        assertThat(uids(hana, "status=cancelled")).as("rejected ones too, latest first")
                .containsExactly(declined, longCancelled, pastCancelled);
        assertThat(uids(hana, "status=unconfirmed")).containsExactly(pending);
        assertThat(uids(hana, "status=past,cancelled"))
                .containsExactly(declined, longCancelled, pastPending, pastCancelled, pastDone);
        assertThat(uids(hana, "status=UPCOMING, unconfirmed")).containsExactly(shortOne, pending, early);
        assertThat(uids(hana, "")).as("without a status, every booking, soonest first")
                .containsExactly(pastDone, pastCancelled, pastPending, longCancelled, shortOne, pending, declined,
                        early);
    }

    @Test
    void a_listed_booking_shows_what_happened_to_it() {
        JsonNode page = list(hana, "status=cancelled&sortStart=asc");
        JsonNode lastOne = page.get("data").get(2);
        assertThat(lastOne.get("uid").asText()).isEqualTo(declined);
        assertThat(lastOne.get("status").asText()).isEqualTo("rejected");
        JsonNode first = page.get("data").get(0);
        assertThat(first.get("uid").asText()).isEqualTo(pastCancelled);
        assertThat(first.get("status").asText()).isEqualTo("cancelled");
        assertThat(first.get("start").asText()).isEqualTo("2026-02-03T08:00:00Z");
        assertThat(first.get("end").asText()).isEqualTo("2026-02-03T08:30:00Z");
        assertThat(first.get("createdAt").asText()).isEqualTo("2026-02-01T02:00:00Z");
        assertThat(first.get("updatedAt").asText()).isEqualTo("2026-02-02T12:00:00Z");
        assertThat(first.get("cancelledByEmail").asText()).isEqualTo(hana.email());
        assertThat(first.at("/attendees/0/name").asText()).isEqualTo("Carl Cancelled");
        assertThat(first.get("eventTypeId").asInt()).isEqualTo(intro);
    }

    // --- filters ----------------------------------------------------------------------------

    @Test
    void attendee_filters_match_a_whole_email_or_name() {
        assertThat(uids(hana, "attendeeEmail=" + email("paula").toUpperCase())).containsExactly(pastDone);
        assertThat(uids(hana, "attendeeName=Una Unconfirmed")).containsExactly(pending);
        assertThat(uids(hana, "attendeeName=Una")).as("the whole name").isEmpty();
        assertThat(uids(hana, "attendeeEmail=" + email("paula") + "&status=upcoming")).isEmpty();
    }

    @Test
    void event_type_and_team_filters_keep_their_bookings() {
        assertThat(uids(hana, "eventTypeIds=" + review)).containsExactly(pastPending, pending, declined);
        assertThat(uids(hana, "eventTypeIds=" + review + "," + intro)).hasSize(8);
        assertThat(uids(hana, "teamsIds=" + salesTeam)).as("hana's are personal").isEmpty();
        assertThat(uids(olga, "teamsIds=" + salesTeam)).containsExactly(salesBooked, salesCancelled);
        assertThat(uids(olga, "teamsIds=" + supportTeam)).containsExactly(supportBooked);
        assertThat(uids(olga, "teamsIds=" + salesTeam + "," + supportTeam))
                .containsExactlyInAnyOrder(salesBooked, salesCancelled, supportBooked);
        assertThat(uids(mo, "teamsIds=" + salesTeam)).as("not mo's personal booking")
                .containsExactly(salesBooked, salesCancelled);
    }

    @Test
    void time_bounds_are_inclusive_and_compare_start_end_creation_and_change() {
        assertThat(uids(hana, "afterStart=2094-03-01T08:30:00Z")).containsExactly(shortOne, pending, declined, early);
        assertThat(uids(hana, "beforeEnd=2026-02-03T08:30:00Z")).containsExactly(pastDone, pastCancelled);
        assertThat(uids(hana, "afterStart=2094-03-01T00:00:00Z&beforeEnd=2094-03-01T09:00:00Z"))
                .as("the 90 minutes end later").containsExactly(shortOne);
        assertThat(uids(hana, "afterCreatedAt=2026-02-01T06:00:00Z")).containsExactly(pastPending, pending, declined);
        assertThat(uids(hana, "beforeCreatedAt=2026-01-31T23:00:00-02:00"))
                .containsExactly(pastDone, early);
        assertThat(uids(hana, "afterUpdatedAt=2026-02-01T08:00:00Z")).containsExactly(pastCancelled, declined);
        assertThat(uids(hana, "beforeUpdatedAt=2026-02-01T04:00:00Z")).as("never changed: no updatedAt")
                .containsExactly(longCancelled);
        assertThat(uids(hana, "afterCreatedAt=2026-02-01T02:00:00Z&beforeCreatedAt=2026-02-01T05:00:00Z"))
                .containsExactly(pastCancelled, longCancelled, shortOne);
    }

    // --- sorts ------------------------------------------------------------------------------

    @Test
    void each_sort_orders_both_ways() {
        assertThat(uids(hana, "sortStart=desc"))
                .containsExactly(early, declined, pending, shortOne, longCancelled, pastPending, pastCancelled, pastDone);
        assertThat(uids(hana, "sortEnd=asc")).as("the short one ends before the long one it starts after")
                .containsExactly(pastDone, pastCancelled, pastPending, shortOne, longCancelled, pending, declined,
                        early);
        assertThat(uids(hana, "sortEnd=desc"))
                .containsExactly(early, declined, pending, longCancelled, shortOne, pastPending, pastCancelled, pastDone);
        assertThat(uids(hana, "sortCreated=asc"))
                .containsExactly(early, pastDone, pastCancelled, longCancelled, shortOne, pending, declined, pastPending);
        assertThat(uids(hana, "sortCreated=desc"))
                .containsExactly(pastPending, declined, pending, shortOne, longCancelled, pastCancelled, pastDone, early);
        assertThat(uids(hana, "status=cancelled&sortUpdatedAt=asc"))
                .containsExactly(longCancelled, declined, pastCancelled);
        assertThat(uids(hana, "status=cancelled&sortUpdatedAt=DESC"))
                .containsExactly(pastCancelled, declined, longCancelled);
        assertThat(uids(hana, "status=upcoming&sortStart=desc")).containsExactly(early, pending, shortOne);
    }

    // --- pages ------------------------------------------------------------------------------

    @Test
    void take_and_skip_page_through_the_list_and_the_pagination_counts_as_cal_com_does() {
        JsonNode first = list(hana, "take=3");
        assertThat(first.get("status").asText()).isEqualTo("success");
        assertThat(uids(first)).containsExactly(pastDone, pastCancelled, pastPending);
        assertPagination(first, 8, 5, 3, 3, 1, 3, true, false);

        JsonNode second = list(hana, "take=3&skip=3");
        assertThat(uids(second)).containsExactly(longCancelled, shortOne, pending);
        assertPagination(second, 8, 2, 3, 3, 2, 3, true, true);

        JsonNode last = list(hana, "take=3&skip=6");
        assertThat(uids(last)).containsExactly(declined, early);
        assertPagination(last, 8, 0, 2, 3, 3, 3, false, true);

        JsonNode beyond = list(hana, "take=3&skip=10");
        assertThat(uids(beyond)).isEmpty();
        assertPagination(beyond, 8, 0, 0, 3, 3, 3, false, true);

        JsonNode exact = list(hana, "take=8");
        assertPagination(exact, 8, 0, 8, 8, 1, 1, false, false);

        JsonNode none = list(stranger, "");
        assertThat(uids(none)).isEmpty();
        assertPagination(none, 0, 0, 0, 100, 0, 0, false, false);
    }

    private static void assertPagination(JsonNode page, long total, long remaining, int returned, int perPage,
                                         long current, long pages, boolean next, boolean previous) {
        JsonNode p = page.get("pagination");
        assertThat(Map.of("totalItems", p.get("totalItems").asLong(), "remainingItems", p.get("remainingItems").asLong(),
                "returnedItems", p.get("returnedItems").asLong(), "itemsPerPage", p.get("itemsPerPage").asLong(),
                "currentPage", p.get("currentPage").asLong(), "totalPages", p.get("totalPages").asLong()))
                .as(p.toString())
                .isEqualTo(Map.of("totalItems", total, "remainingItems", remaining, "returnedItems", (long) returned,
                        "itemsPerPage", (long) perPage, "currentPage", current, "totalPages", pages));
        assertThat(p.get("hasNextPage").asBoolean()).as(p.toString()).isEqualTo(next);
        assertThat(p.get("hasPreviousPage").asBoolean()).as(p.toString()).isEqualTo(previous);
        assertThat(page.get("data")).hasSize(returned);
    }

    @Test
    void a_bad_filter_value_is_a_400_problem_naming_the_parameter() {
        for (String query : List.of("status=soon", "take=0", "take=251", "take=ten", "skip=-1",
                "afterStart=tomorrow", "beforeEnd=2094-03-01", "afterCreatedAt=2094-03-01T08:00",
                "beforeCreatedAt=x", "afterUpdatedAt=x", "beforeUpdatedAt=x", "sortStart=up", "sortEnd=1",
                "sortCreated=newest", "sortUpdatedAt=x", "eventTypeIds=abc", "eventTypeIds=1,-2", "teamsIds=0")) {
            Response response = as(hana.key(), () -> get("/v2/bookings?" + query));
            assertThat(response.status().value()).as(query).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(response.body().at("/errors/0/field").asText()).as(query)
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    // --- who sees what ----------------------------------------------------------------------

    @Test
    void hosts_see_their_own_admins_and_owners_their_teams_members_and_strangers_nothing() {
        assertThat(uids(hana, "")).hasSize(8).doesNotContain(salesBooked, mosOwn);
        assertThat(uids(mo, "")).as("the host").containsExactlyInAnyOrder(mosOwn, salesBooked, salesCancelled);
        assertThat(uids(ada, "")).as("sales' admin: sales' bookings, not a member's personal one")
                .containsExactlyInAnyOrder(salesBooked, salesCancelled);
        assertThat(uids(olga, "")).as("the organization's owner: every team's")
                .containsExactlyInAnyOrder(salesBooked, salesCancelled, supportBooked);
        assertThat(uids(mia, "")).as("a plain member of sales").isEmpty();
        assertThat(uids(stranger, "")).isEmpty();
        assertThat(uids(booker, "")).as("the booker attends one of them").containsExactly(salesBooked);
    }

    @Test
    void one_booking_is_read_by_whom_may_see_it_and_is_not_found_for_others() {
        for (Member reader : List.of(hana, booker)) {
            Response found = as(reader.key(), () -> get("/v2/bookings/" + pastDone));
            assertThat(found.status().value()).isEqualTo(200);
            assertThat(found.data().get("uid").asText()).isEqualTo(pastDone);
            assertThat(found.data().at("/attendees/0/email").asText()).isEqualTo(email("paula"));
        }
        assertThat(as(ada.key(), () -> get("/v2/bookings/" + salesCancelled)).data().get("status").asText())
                .isEqualTo("cancelled");
        for (Member outsider : List.of(stranger, mia, ada)) {
            Response hidden = as(outsider.key(), () -> get("/v2/bookings/" + pastDone));
            assertThat(hidden.status().value()).as(outsider.email()).isEqualTo(404);
            assertThat(hidden.contentType()).isEqualTo("application/problem+json");
            assertThat(as(outsider.key(), () -> get("/v2/bookings/" + pastDone + "/history")).status().value())
                    .isEqualTo(404);
        }
        assertThat(as(mia.key(), () -> get("/v2/bookings/" + salesBooked)).status().value()).isEqualTo(404);
        assertThat(as(ada.key(), () -> get("/v2/bookings/" + supportBooked)).status().value())
                .as("an admin of one team of the organization").isEqualTo(404);
        assertThat(as(olga.key(), () -> get("/v2/bookings/" + mosOwn)).status().value())
                .as("a member's personal booking").isEqualTo(404);
    }

    // --- insights ---------------------------------------------------------------------------

    @Test
    void user_insights_count_the_callers_personal_bookings_by_time_status_and_status() {
        JsonNode all = insights(hana, "scope=user");
        assertThat(all.get("total").asLong()).isEqualTo(8);
        assertCounts(all.get("byTimeStatus"), Map.of("completed", 2L, "uncompleted", 4L, "cancelled", 2L,
                "rescheduled", 0L));
        assertCounts(all.get("byStatus"), Map.of("accepted", 3L, "cancelled", 2L, "pending", 2L, "rejected", 1L));

        JsonNode next = insights(hana, "startDate=2094-01-01T00:00:00Z");
        assertThat(next.get("total").asLong()).isEqualTo(5);
        assertCounts(next.get("byTimeStatus"), Map.of("completed", 0L, "uncompleted", 4L, "cancelled", 1L));
        assertCounts(next.get("byStatus"), Map.of("accepted", 2L, "cancelled", 1L, "pending", 1L, "rejected", 1L));

        JsonNode before = insights(hana, "scope=user&startDate=2026-02-02T08:00:00Z&endDate=2026-02-03T08:00:00Z");
        assertThat(before.get("total").asLong()).as("both ends included").isEqualTo(2);
        assertCounts(before.get("byTimeStatus"), Map.of("completed", 1L, "cancelled", 1L));

        assertThat(insights(mo, "scope=user").get("total").asLong()).as("a team booking is not personal")
                .isEqualTo(1);
        assertThat(insights(stranger, "").get("total").asLong()).isZero();
    }

    @Test
    void team_and_organization_insights_are_read_by_their_admins_and_owners() {
        for (Member admin : List.of(olga, ada)) {
            JsonNode team = insights(admin, "scope=team&teamId=" + salesTeam);
            assertThat(team.get("total").asLong()).as("sales' two and mo's personal one").isEqualTo(3);
            assertCounts(team.get("byTimeStatus"), Map.of("completed", 1L, "uncompleted", 1L, "cancelled", 1L));
            assertCounts(team.get("byStatus"), Map.of("accepted", 2L, "cancelled", 1L));
        }
        JsonNode upcoming = insights(ada, "scope=team&teamId=" + salesTeam + "&startDate=2094-01-01T00:00:00Z");
        assertThat(upcoming.get("total").asLong()).isEqualTo(2);

        JsonNode org = insights(olga, "scope=org&teamId=" + organization);
        assertThat(org.get("total").asLong()).isEqualTo(4);
        assertCounts(org.get("byTimeStatus"), Map.of("completed", 1L, "uncompleted", 2L, "cancelled", 1L));
        assertCounts(org.get("byStatus"), Map.of("accepted", 3L, "cancelled", 1L));
    }

    @Test
    void insights_of_a_scope_the_caller_may_not_read_are_refused() {
        assertProblem(as(mo.key(), () -> get("/v2/insights/bookings?scope=team&teamId=" + salesTeam)), 403);
        assertProblem(as(mia.key(), () -> get("/v2/insights/bookings?scope=team&teamId=" + salesTeam)), 403);
        assertProblem(as(ada.key(), () -> get("/v2/insights/bookings?scope=org&teamId=" + organization)), 403);
        assertProblem(as(stranger.key(), () -> get("/v2/insights/bookings?scope=team&teamId=" + salesTeam)), 404);
        assertProblem(as(stranger.key(), () -> get("/v2/insights/bookings?scope=org&teamId=" + organization)), 404);
        assertProblem(as(olga.key(), () -> get("/v2/insights/bookings?scope=org&teamId=" + salesTeam)), 404);
        assertProblem(as(olga.key(), () -> get("/v2/insights/bookings?scope=team")), 400);
        assertProblem(as(olga.key(), () -> get("/v2/insights/bookings?scope=galaxy")), 400);
        assertProblem(as(olga.key(), () -> get("/v2/insights/bookings?startDate=2094-01-02T00:00:00Z"
                + "&endDate=2094-01-01T00:00:00Z")), 400);
        assertProblem(as(olga.key(), () -> get("/v2/insights/bookings?startDate=soon")), 400);
    }

    // --- BookingTimeStatusDenormalized ------------------------------------------------------

    @Test
    void a_booking_that_ended_is_completed() {
        assertThat(timeStatus(pastDone)).isEqualTo("completed");
    }

    @Test
    void a_pending_booking_that_ended_is_completed_too() {
        assertThat(timeStatus(pastPending)).isEqualTo("completed");
    }

    @Test
    void a_booking_yet_to_end_is_uncompleted() {
        assertThat(timeStatus(shortOne)).isEqualTo("uncompleted");
        assertThat(timeStatus(pending)).isEqualTo("uncompleted");
    }

    @Test
    void a_declined_booking_has_no_time_status_of_its_own() {
        assertThat(timeStatus(declined)).isEqualTo("uncompleted");
    }

    @Test
    void a_cancelled_booking_is_cancelled_whether_or_not_it_ended() {
        assertThat(timeStatus(pastCancelled)).isEqualTo("cancelled");
        assertThat(timeStatus(longCancelled)).isEqualTo("cancelled");
    }

    private String timeStatus(String uid) {
        return jdbc.queryForObject("select \"timeStatus\" from \"BookingTimeStatusDenormalized\" where uid = ?",
                String.class, uid);
    }

    // --- helpers ----------------------------------------------------------------------------

    private void at(Instant instant) {
        clock.setTo(instant);
    }

    private void berlinHours(Member host) {
        created(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")));
    }

    private String email(String name) {
        return name + "-" + tag + "@example.com";
    }

    private static String body(int eventTypeId, String start, Integer length, String name, String email) {
        return """
                {"start": "%s", "eventTypeId": %d%s,
                 "attendee": {"name": "%s", "email": "%s", "timeZone": "Europe/Berlin", "language": "en"}}"""
                .formatted(start, eventTypeId, length == null ? "" : ", \"lengthInMinutes\": " + length, name, email);
    }

    private String book(Member as, int eventTypeId, String start, Integer length, String name, String attendee) {
        return as(as.key(), () -> uidOf(post("/v2/bookings", body(eventTypeId, start, length, name, email(attendee)))));
    }

    private static String uidOf(Response response) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.data().get("uid").asText();
    }

    private static int created(Response response) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.data().get("id").asInt();
    }

    private static void ok(Response response) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(200);
    }

    private JsonNode list(Member caller, String query) {
        Response response = as(caller.key(), () -> get("/v2/bookings?" + query));
        assertThat(response.status().value()).as(query + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private List<String> uids(Member caller, String query) {
        return uids(list(caller, query));
    }

    private static List<String> uids(JsonNode page) {
        List<String> uids = new ArrayList<>();
        page.get("data").forEach(b -> uids.add(b.get("uid").asText()));
        return uids;
    }

    private JsonNode insights(Member caller, String query) {
        Response response = as(caller.key(), () -> get("/v2/insights/bookings?" + query));
        assertThat(response.status().value()).as(query + ": " + response.body()).isEqualTo(200);
        return response.data();
    }

    private static void assertCounts(JsonNode counts, Map<String, Long> expected) {
        expected.forEach((key, count) -> assertThat(counts.get(key).asLong()).as(key + " in " + counts)
                .isEqualTo(count));
        long others = 0;
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) counts::fields) {
            if (!expected.containsKey(field.getKey())) {
                others += field.getValue().asLong();
            }
        }
        assertThat(others).as("nothing else in " + counts).isZero();
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }
}
