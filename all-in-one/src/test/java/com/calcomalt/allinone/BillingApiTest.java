package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Billing and seats over HTTP, as a new user would try them: an organization with two paid seats and
 * seat billing on takes two members (its founder one of them) and refuses a third with a 422; removing
 * one frees a seat; the change log shows every change; 20 concurrent accepts for the last seat leave
 * exactly one taken; a host without a seat is offered in no slot and booked for none.
 */
class BillingApiTest extends ApiTest {

    private static final String SEAT_BILLING = "seat-billing";

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private Member olga;
    private int orgId;

    @BeforeEach
    void organization() {
        olga = newMember("olga", "example.com");
        Response org = post("/v2/organizations", """
                {"name": "Acme", "slug": "acme-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "acme-%s.com"}}""".formatted(tag, olga.email(), tag));
        assertThat(org.status().value()).as(String.valueOf(org.body())).isEqualTo(201);
        orgId = org.data().get("id").asInt();
        Response made = post("/v2/admin/features", """
                {"slug": "%s", "enabled": true, "type": "OPERATIONAL"}""".formatted(SEAT_BILLING));
        assertThat(made.status().value()).as(String.valueOf(made.body())).isIn(201, 409);
        assertThat(patch("/v2/admin/features/" + SEAT_BILLING, "{\"enabled\": true}").status().value()).isEqualTo(200);
        Response on = as(olga.key(), () -> put("/v2/teams/" + orgId + "/features/" + SEAT_BILLING,
                "{\"enabled\": true}"));
        assertThat(on.status().value()).as(String.valueOf(on.body())).isEqualTo(200);
    }

    private Response setBilling(String key, int paidSeats) {
        return as(key, () -> put("/v2/teams/" + orgId + "/billing", """
                {"planName": "ORGANIZATION", "status": "ACTIVE", "billingPeriod": "MONTHLY", "pricePerSeat": 3700,
                 "paidSeats": %d, "subscriptionId": "sub_%s", "subscriptionStart": "2026-01-01T00:00:00Z"}"""
                .formatted(paidSeats, tag)));
    }

    private Response invite(Member member) {
        return as(olga.key(), () -> post("/v2/organizations/" + orgId + "/memberships",
                "{\"userId\": %d, \"role\": \"MEMBER\"}".formatted(member.id())));
    }

    private int invited(Member member) {
        Response invitation = invite(member);
        assertThat(invitation.status().value()).as(String.valueOf(invitation.body())).isEqualTo(201);
        return invitation.data().get("id").asInt();
    }

    private int accept(Member member, int membershipId) {
        return http.patch().uri("/v2/organizations/" + orgId + "/memberships/" + membershipId)
                .header("Authorization", "Bearer " + member.key()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"accepted\": true}").retrieve().toBodilessEntity().getStatusCode().value();
    }

    private JsonNode seats(Member caller) {
        awaitProjectionsCaughtUp();
        Response seats = as(caller.key(), () -> get("/v2/teams/" + orgId + "/seats"));
        assertThat(seats.status().value()).as(String.valueOf(seats.body())).isEqualTo(200);
        return seats.data();
    }

    private int adminUserId() {
        return get("/v2/me").data().get("id").asInt();
    }

    private List<String> changeLog() {
        awaitProjectionsCaughtUp();
        Response changes = as(olga.key(), () -> get("/v2/teams/" + orgId + "/seats/changes"));
        assertThat(changes.status().value()).isEqualTo(200);
        List<String> log = new ArrayList<>();
        for (JsonNode change : changes.data()) {
            log.add(change.get("changeType").asText() + " " + change.get("userId").asInt() + " by "
                    + change.get("triggeredBy").asInt() + " " + change.get("seatCount").asInt());
            assertThat(change.get("monthKey").asText()).matches("\\d{4}-\\d{2}");
        }
        return log;
    }

    /** The founder is one of the two: an organization's owner holds a seat as any member. */
    @Test
    void two_paid_seats_take_two_members_refuse_a_third_and_free_one_on_removal_with_three_changes_logged() {
        Member ann = newMember("ann", "example.com");
        Member bob = newMember("bob", "example.com");
        Response set = setBilling(ADMIN_KEY, 2);
        assertThat(set.status().value()).as(String.valueOf(set.body())).isEqualTo(200);
        assertThat(set.data().get("paidSeats").asInt()).isEqualTo(2);
        assertThat(set.data().get("organization").asBoolean()).isTrue();

        int annInOrg = invited(ann);
        assertThat(accept(ann, annInOrg)).isEqualTo(200);

        long events = storedEvents();
        Response third = invite(bob);
        assertThat(third.status().value()).as(String.valueOf(third.body())).isEqualTo(422);
        assertThat(third.contentType()).isEqualTo("application/problem+json");
        assertThat(third.body().get("detail").asText()).isEqualTo("All 2 paid seats of team " + orgId
                + " are taken; a member can be added once its billing pays for more seats or a member is removed");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(seats(olga).get("taken").asInt()).isEqualTo(2);

        assertThat(as(olga.key(), () -> delete("/v2/organizations/" + orgId + "/memberships/" + annInOrg))
                .status().value()).isEqualTo(200);
        JsonNode after = seats(olga);
        assertThat(after.get("taken").asInt()).isEqualTo(1);
        assertThat(after.get("paidSeats").asInt()).isEqualTo(2);
        assertThat(after.get("seats").get(0).get("userId").asInt()).isEqualTo(olga.id());

        assertThat(changeLog()).containsExactly("ADDITION " + olga.id() + " by " + adminUserId() + " 1",
                "ADDITION " + ann.id() + " by " + ann.id() + " 1", "REMOVAL " + ann.id() + " by " + olga.id() + " 1");
        Response changes = as(olga.key(), () -> get("/v2/teams/" + orgId + "/seats/changes"));
        for (JsonNode change : changes.data()) {
            assertThat(change.get("organizationBillingId").asText()).isEqualTo(set.data().get("id").asText());
        }

        assertThat(accept(bob, invited(bob))).as("the freed seat").isEqualTo(200);
    }

    @Test
    void the_founder_and_the_members_accepted_before_seat_billing_take_seats_when_it_starts() {
        Member ann = newMember("ann", "example.com");
        assertThat(accept(ann, invited(ann))).isEqualTo(200);
        assertThat(seats(olga).get("taken").asInt()).as("no billing row yet").isZero();

        assertThat(setBilling(ADMIN_KEY, 5).status().value()).isEqualTo(200);

        JsonNode seats = seats(olga);
        assertThat(seats.get("taken").asInt()).isEqualTo(2);
        List<Integer> holders = new ArrayList<>();
        seats.get("seats").forEach(seat -> holders.add(seat.get("userId").asInt()));
        assertThat(holders).containsExactlyInAnyOrder(olga.id(), ann.id());
        int admin = adminUserId();
        assertThat(changeLog()).as("triggered by who set the billing up").containsExactly(
                "ADDITION " + olga.id() + " by " + admin + " 1", "ADDITION " + ann.id() + " by " + admin + " 1");
        assertThat(jdbc.queryForObject("select count(*) from \"Seat\" where \"orgId\" = ? and \"userId\" = ?",
                Integer.class, orgId, olga.id())).isEqualTo(1);
    }

    @Test
    void a_past_due_organization_keeps_its_members_and_cannot_add_seats_until_it_is_active_again() {
        Member ann = newMember("ann", "example.com");
        Member bob = newMember("bob", "example.com");
        setBilling(ADMIN_KEY, 5);
        assertThat(accept(ann, invited(ann))).isEqualTo(200);
        int bobInOrg = invited(bob);

        Response pastDue = patch("/v2/teams/" + orgId + "/billing/status", "{\"status\": \"PAST_DUE\"}");
        assertThat(pastDue.status().value()).as(String.valueOf(pastDue.body())).isEqualTo(200);
        assertThat(pastDue.data().get("status").asText()).isEqualTo("PAST_DUE");
        assertThat(accept(bob, bobInOrg)).isEqualTo(422);
        assertThat(seats(olga).get("taken").asInt()).as("Olga's and Ann's").isEqualTo(2);
        awaitProjectionsCaughtUp();
        assertThat(as(olga.key(), () -> get("/v2/teams/" + orgId + "/billing")).data().get("status").asText())
                .isEqualTo("PAST_DUE");

        assertThat(patch("/v2/teams/" + orgId + "/billing/status", "{\"status\": \"ACTIVE\"}").status().value())
                .isEqualTo(200);
        assertThat(accept(bob, bobInOrg)).isEqualTo(200);
    }

    @Test
    void only_system_admins_change_billing_and_only_the_organizations_admins_read_it() {
        Member ann = newMember("ann", "example.com");
        Member stranger = newMember("stranger", "example.com");
        Response byOwner = setBilling(olga.key(), 9);
        assertThat(byOwner.status().value()).isEqualTo(403);
        assertThat(as(olga.key(), () -> patch("/v2/teams/" + orgId + "/billing/status",
                "{\"status\": \"ACTIVE\"}")).status().value()).isEqualTo(403);
        assertThat(setBilling(ADMIN_KEY, 3).status().value()).isEqualTo(200);
        assertThat(accept(ann, invited(ann))).isEqualTo(200);
        awaitProjectionsCaughtUp();

        assertThat(as(olga.key(), () -> get("/v2/teams/" + orgId + "/billing")).data().get("paidSeats").asInt())
                .isEqualTo(3);
        for (String path : List.of("/billing", "/seats", "/seats/changes")) {
            assertThat(as(ann.key(), () -> get("/v2/teams/" + orgId + path)).status().value()).as("member " + path)
                    .isEqualTo(403);
            assertThat(as(stranger.key(), () -> get("/v2/teams/" + orgId + path)).status().value())
                    .as("stranger " + path).isEqualTo(404);
            assertThat(get("/v2/teams/" + orgId + path).status().value()).as("system admin " + path).isEqualTo(200);
        }
        assertThat(as(olga.key(), () -> get("/v2/teams/" + orgId + "/seats/changes?monthKey=1999-01")).data())
                .isEmpty();
    }

    @Test
    void only_members_holding_a_seat_host_the_event_types_of_a_seat_billed_organizations_teams() {
        Member ann = newMember("ann", "example.com");
        Member bob = newMember("bob", "example.com");
        assertThat(accept(ann, invited(ann))).isEqualTo(200);
        assertThat(accept(bob, invited(bob))).isEqualTo(200);
        // Two paid seats for three members: Olga and Ann are seated, Bob waits for a third.
        setBilling(ADMIN_KEY, 2);
        Response sales = as(olga.key(), () -> post("/v2/organizations/" + orgId + "/teams",
                "{\"name\": \"Sales\", \"slug\": \"sales\"}"));
        assertThat(sales.status().value()).as(String.valueOf(sales.body())).isEqualTo(201);
        int salesId = sales.data().get("id").asInt();
        for (Member member : List.of(ann, bob)) {
            int inSales = as(olga.key(), () -> post("/v2/teams/" + salesId + "/memberships",
                    "{\"userId\": %d, \"role\": \"MEMBER\"}".formatted(member.id()))).data().get("id").asInt();
            assertThat(as(member.key(), () -> patch("/v2/teams/" + salesId + "/memberships/" + inSales,
                    "{\"accepted\": true}")).status().value()).isEqualTo(200);
        }
        String eventType = """
                {"title": "Call", "slug": "call-%d", "lengthInMinutes": 30, "schedulingType": "COLLECTIVE",
                 "hosts": [{"userId": %d}]}""";

        Response seatless = as(olga.key(), () -> post("/v2/teams/" + salesId + "/event-types",
                eventType.formatted(1, bob.id())));
        assertThat(seatless.status().value()).as(String.valueOf(seatless.body())).isEqualTo(422);
        assertThat(seatless.body().get("detail").asText()).isEqualTo("User " + bob.id()
                + " holds no seat of the organization billing team " + salesId + " and cannot host its event types");
        Response seated = as(olga.key(), () -> post("/v2/teams/" + salesId + "/event-types",
                eventType.formatted(2, ann.id())));
        assertThat(seated.status().value()).as(String.valueOf(seated.body())).isEqualTo(201);
    }

    /** Works every day around the clock, so a slot's absence is the seat's doing. */
    private void alwaysAvailable(Member member) {
        Response schedule = as(member.key(), () -> post("/v2/schedules", """
                {"name": "Always", "timeZone": "UTC", "availability": [{"days": ["Monday", "Tuesday", "Wednesday",
                  "Thursday", "Friday", "Saturday", "Sunday"], "startTime": "00:00", "endTime": "23:59"}]}"""));
        assertThat(schedule.status().value()).as(String.valueOf(schedule.body())).isEqualTo(201);
    }

    private int orgEventType(String slug, String schedulingType, Member... hosts) {
        StringBuilder hostList = new StringBuilder();
        for (Member host : hosts) {
            hostList.append(hostList.isEmpty() ? "" : ", ").append("{\"userId\": %d, \"mandatory\": %s}"
                    .formatted(host.id(), "COLLECTIVE".equals(schedulingType)));
        }
        Response made = as(olga.key(), () -> post("/v2/teams/" + orgId + "/event-types", """
                {"title": "Call", "slug": "%s", "lengthInMinutes": 30, "schedulingType": "%s", "hosts": [%s]}"""
                .formatted(slug, schedulingType, hostList)));
        assertThat(made.status().value()).as(String.valueOf(made.body())).isEqualTo(201);
        return made.data().get("id").asInt();
    }

    private List<String> slotTimes(int eventTypeId, String day) {
        awaitProjectionsCaughtUp();
        Response slots = as(olga.key(), () -> get("/v2/slots?eventTypeId=" + eventTypeId + "&start=" + day + "&end="
                + day + "&timeZone=UTC"));
        assertThat(slots.status().value()).as(String.valueOf(slots.body())).isEqualTo(200);
        List<String> times = new ArrayList<>();
        JsonNode onDay = slots.body().get("data").get(day);
        if (onDay != null) {
            onDay.forEach(slot -> times.add(slot.get("start").asText().substring(11, 16)));
        }
        return times;
    }

    private Response book(int eventTypeId, String start) {
        return post("/v2/bookings", """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Bo", "email": "bo-%s@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(start, eventTypeId, tag));
    }

    /**
     * Bob hosted before seat billing began and is left without a seat when it begins with too few: he
     * is offered in no slot and booked for none until a seat is paid for him.
     */
    @Test
    void a_host_without_a_seat_of_a_seat_billed_organization_is_offered_no_slot_and_booked_for_none_until_seated() {
        Member ann = newMember("ann", "example.com");
        Member bob = newMember("bob", "example.com");
        assertThat(accept(ann, invited(ann))).isEqualTo(200);
        assertThat(accept(bob, invited(bob))).isEqualTo(200);
        alwaysAvailable(ann);
        alwaysAvailable(bob);
        int collective = orgEventType("both-" + tag, "COLLECTIVE", bob);
        int roundRobin = orgEventType("either-" + tag, "ROUND_ROBIN", ann, bob);
        assertThat(slotTimes(collective, "2085-01-02")).as("not seat-billed yet").contains("10:00", "10:30");

        assertThat(setBilling(ADMIN_KEY, 2).status().value()).isEqualTo(200);

        assertThat(slotTimes(collective, "2085-01-02")).as("no slot needs a host without a seat").isEmpty();
        assertThat(slotTimes(roundRobin, "2085-01-02")).as("Ann holds a seat").contains("10:00", "10:30");
        long events = storedEvents();
        Response refused = book(collective, "2085-01-02T10:00:00Z");
        assertThat(refused.status().value()).as(String.valueOf(refused.body())).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(storedEvents()).as("a refused booking stores nothing").isEqualTo(events);
        for (String start : List.of("2085-01-02T10:00:00Z", "2085-01-02T11:00:00Z")) {
            Response booked = book(roundRobin, start);
            assertThat(booked.status().value()).as(String.valueOf(booked.body())).isEqualTo(201);
            assertThat(booked.data().get("hosts").get(0).get("id").asInt()).as("round robin passes Bob over")
                    .isEqualTo(ann.id());
        }

        assertThat(setBilling(ADMIN_KEY, 3).status().value()).as("a third seat, for Bob").isEqualTo(200);
        assertThat(slotTimes(collective, "2085-01-02")).contains("10:00", "10:30");
        Response booked = book(collective, "2085-01-02T10:00:00Z");
        assertThat(booked.status().value()).as(String.valueOf(booked.body())).isEqualTo(201);
        assertThat(booked.data().get("hosts").get(0).get("id").asInt()).isEqualTo(bob.id());
    }

    /** A removed member's Host rows go with their membership, as in cal.com; the command side agrees. */
    @Test
    void a_removed_member_hosts_no_more_and_round_robin_gives_their_bookings_to_the_others() {
        Member ann = newMember("ann", "example.com");
        Member bob = newMember("bob", "example.com");
        assertThat(accept(ann, invited(ann))).isEqualTo(200);
        int bobInOrg = invited(bob);
        assertThat(accept(bob, bobInOrg)).isEqualTo(200);
        alwaysAvailable(ann);
        alwaysAvailable(bob);
        int roundRobin = orgEventType("after-" + tag, "ROUND_ROBIN", ann, bob);

        assertThat(as(olga.key(), () -> delete("/v2/organizations/" + orgId + "/memberships/" + bobInOrg))
                .status().value()).isEqualTo(200);

        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForList("select \"userId\" from \"Host\" where \"eventTypeId\" = ?", Integer.class,
                roundRobin)).containsExactly(ann.id());
        for (String start : List.of("2085-01-03T10:00:00Z", "2085-01-03T11:00:00Z", "2085-01-03T12:00:00Z")) {
            Response booked = book(roundRobin, start);
            assertThat(booked.status().value()).as(String.valueOf(booked.body())).isEqualTo(201);
            assertThat(booked.data().get("hosts").get(0).get("id").asInt()).as("Bob is no host any more")
                    .isEqualTo(ann.id());
        }
    }

    @Test
    void twenty_concurrent_accepts_for_the_last_seat_leave_exactly_one_taken() throws Exception {
        setBilling(ADMIN_KEY, 3);
        Member first = newMember("first", "example.com");
        assertThat(accept(first, invited(first))).isEqualTo(200);
        List<Callable<Integer>> accepts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Member member = newMember("racer", "example.com");
            int membershipId = invited(member);
            accepts.add(() -> accept(member, membershipId));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(accepts)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).as(statuses.toString()).containsOnly(200, 422);
        assertThat(statuses.stream().filter(status -> status == 200).count()).isEqualTo(1);
        assertThat(seats(olga).get("taken").asInt()).as("Olga's, the first's and the winner's").isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from \"Seat\" where \"orgId\" = ?", Integer.class, orgId))
                .isEqualTo(3);
    }
}
