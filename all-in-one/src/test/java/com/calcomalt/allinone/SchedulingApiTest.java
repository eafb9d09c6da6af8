package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Schedules, event types and the slots query over HTTP, checked against slots worked out by hand. */
class SchedulingApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** Mon–Fri 09:00–17:00 in Berlin, with Tuesday 2 November 2094 off. */
    private int berlinSchedule(Member host) {
        Response created = as(host.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}],
                 "overrides": [{"date": "2094-11-02", "startTime": "00:00", "endTime": "00:00"}]}"""));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    private int thirtyMinutes(Member host, String slug) {
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "30 minutes", "slug": "%s", "lengthInMinutes": 30, "afterEventBuffer": 15}""".formatted(slug)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    private Map<String, List<String>> slots(String key, String query) {
        Response response = as(key, () -> get("/v2/slots?" + query));
        assertThat(response.status().value()).as(response.body().toString()).isEqualTo(200);
        Map<String, List<String>> byDate = new java.util.TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> dates = response.data().fields();
        while (dates.hasNext()) {
            Map.Entry<String, JsonNode> date = dates.next();
            byDate.put(date.getKey(), StreamSupport.stream(date.getValue().spliterator(), false)
                    .map(s -> s.get("start").asText()).toList());
        }
        return byDate;
    }

    private static List<String> halfHours(String date, int fromHour, int toHour, String offset) {
        List<String> starts = new ArrayList<>();
        for (int minutes = fromHour * 60; minutes < toHour * 60; minutes += 30) {
            starts.add("%sT%02d:%02d:00.000%s".formatted(date, minutes / 60, minutes % 60, offset));
        }
        return starts;
    }

    @Test
    void slots_of_a_berlin_schedule_asked_in_new_york_over_the_october_dst_week_are_right_by_hand() {
        Member host = newMember("berlin", "example.com");
        berlinSchedule(host);
        int eventTypeId = thirtyMinutes(host, "thirty-" + tag);

        Map<String, List<String>> slots = slots(host.key(),
                "eventTypeId=" + eventTypeId + "&start=2094-10-28&end=2094-11-03&timeZone=America/New_York");

        // Berlin is CEST (+2) until 31 October, then CET (+1); New York stays EDT (-4) until 7 November.
        assertThat(slots).containsOnlyKeys("2094-10-28", "2094-10-29", "2094-11-01", "2094-11-03");
        assertThat(slots.get("2094-10-28")).containsExactlyElementsOf(halfHours("2094-10-28", 3, 11, "-04:00"));
        assertThat(slots.get("2094-10-29")).containsExactlyElementsOf(halfHours("2094-10-29", 3, 11, "-04:00"));
        assertThat(slots.get("2094-11-01")).containsExactlyElementsOf(halfHours("2094-11-01", 4, 12, "-04:00"));
        assertThat(slots.get("2094-11-03")).containsExactlyElementsOf(halfHours("2094-11-03", 4, 12, "-04:00"));
    }

    @Test
    void accepted_and_pending_bookings_with_their_buffers_take_slots_away_and_cancelled_ones_do_not() {
        Member host = newMember("busy", "example.com");
        berlinSchedule(host);
        int eventTypeId = thirtyMinutes(host, "busy-" + tag);
        int confirmed = eventType(host, "confirmed-" + tag, ", \"confirmationPolicy\": {\"type\": \"always\", \"blockUnconfirmedBookingsInBooker\": false}, \"afterEventBuffer\": 15");
        book(eventTypeId, "2094-10-28T08:00:00Z");
        book(confirmed, "2094-10-28T12:00:00Z");
        String cancelled = book(eventTypeId, "2094-10-28T13:00:00Z");
        assertThat(post("/v2/bookings/" + cancelled + "/cancel", "{}").status().value()).isEqualTo(200);

        List<String> day = slots(host.key(), "eventTypeId=" + eventTypeId
                + "&start=2094-10-28&end=2094-10-28&timeZone=Europe/Berlin").get("2094-10-28");

        assertThat(day).doesNotContain("2094-10-28T09:30:00.000+02:00", "2094-10-28T10:00:00.000+02:00",
                        "2094-10-28T10:30:00.000+02:00", "2094-10-28T13:30:00.000+02:00",
                        "2094-10-28T14:00:00.000+02:00", "2094-10-28T14:30:00.000+02:00")
                .contains("2094-10-28T09:00:00.000+02:00", "2094-10-28T11:00:00.000+02:00",
                        "2094-10-28T15:00:00.000+02:00", "2094-10-28T15:30:00.000+02:00")
                .hasSize(10);
    }

    private int eventType(Member host, String slug, String extra) {
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Busy", "slug": "%s", "lengthInMinutes": 30%s}""".formatted(slug, extra)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    /** Booked through the API by the system administrator, as any booker would. */
    private String book(int eventTypeId, String utcStart) {
        Response booked = post("/v2/bookings", """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Busy Maker", "email": "busy@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(utcStart, eventTypeId));
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        return booked.data().get("uid").asText();
    }

    @Test
    void a_held_slot_is_hidden_from_others_but_not_from_who_holds_it_until_released() {
        Member host = newMember("held", "example.com");
        Member booker = newMember("booker", "example.com");
        berlinSchedule(host);
        int eventTypeId = thirtyMinutes(host, "held-" + tag);
        String query = "eventTypeId=" + eventTypeId + "&start=2094-10-28&end=2094-10-28&timeZone=Europe/Berlin";
        String nine = "2094-10-28T09:00:00.000+02:00";

        Response held = as(booker.key(), () -> post("/v2/slots/reservations", """
                {"eventTypeId": %d, "slotStart": "2094-10-28T07:00:00Z"}""".formatted(eventTypeId)));
        assertThat(held.status().value()).isEqualTo(201);
        String uid = held.data().get("reservationUid").asText();

        assertThat(slots(host.key(), query).get("2094-10-28")).doesNotContain(nine);
        assertThat(slots(booker.key(), query + "&reservationUid=" + uid).get("2094-10-28")).contains(nine);
        assertThat(as(host.key(), () -> delete("/v2/slots/reservations/" + uid)).status().value()).isEqualTo(403);
        assertThat(as(booker.key(), () -> delete("/v2/slots/reservations/" + uid)).status().value()).isEqualTo(200);
        assertThat(slots(host.key(), query).get("2094-10-28")).contains(nine);
    }

    /**
     * cal.com's event type and host keep no deleted schedule (their foreign keys set it null), so its
     * hosts fall back to their default; the slots offered and the booking's check must both do so.
     */
    @Test
    void an_event_type_whose_schedule_is_deleted_offers_and_books_its_owners_default_hours() {
        Member host = newMember("fallback", "example.com");
        berlinSchedule(host);
        Response evenings = as(host.key(), () -> post("/v2/schedules", """
                {"name": "Evenings", "timeZone": "UTC",
                 "availability": [{"days": ["Thursday"], "startTime": "18:00", "endTime": "20:00"}]}"""));
        int eveningsId = evenings.data().get("id").asInt();
        int eventTypeId = eventType(host, "fallback-" + tag, ", \"scheduleId\": " + eveningsId);
        String query = "eventTypeId=" + eventTypeId + "&start=2094-10-28&end=2094-10-28&timeZone=UTC";
        assertThat(slots(host.key(), query).get("2094-10-28")).containsExactlyElementsOf(
                halfHours("2094-10-28", 18, 20, "Z"));

        assertThat(as(host.key(), () -> delete("/v2/schedules/" + eveningsId)).status().value()).isEqualTo(200);

        assertThat(slots(host.key(), query).get("2094-10-28")).containsExactlyElementsOf(
                halfHours("2094-10-28", 7, 15, "Z"));
        book(eventTypeId, "2094-10-28T07:00:00Z");
    }

    /** A change to the event type after its schedule is gone must not write the old schedule back. */
    @Test
    void an_event_type_changed_after_its_schedule_is_deleted_is_projected_without_it() {
        Member host = newMember("stale", "example.com");
        berlinSchedule(host);
        int weekends = as(host.key(), () -> post("/v2/schedules", """
                {"name": "Weekends", "timeZone": "UTC",
                 "availability": [{"days": ["Saturday"], "startTime": "10:00", "endTime": "12:00"}]}"""))
                .data().get("id").asInt();
        int eventTypeId = eventType(host, "stale-" + tag, ", \"scheduleId\": " + weekends);
        assertThat(as(host.key(), () -> delete("/v2/schedules/" + weekends)).status().value()).isEqualTo(200);

        Response renamed = as(host.key(), () -> patch("/v2/event-types/" + eventTypeId, "{\"title\": \"Renamed\"}"));
        assertThat(renamed.status().value()).as(renamed.body().toString()).isEqualTo(200);
        awaitProjectionsCaughtUp();

        Response read = as(host.key(), () -> get("/v2/event-types/" + eventTypeId));
        assertThat(read.data().get("title").asText()).isEqualTo("Renamed");
        assertThat(read.data().hasNonNull("scheduleId")).as(read.body().toString()).isFalse();
        assertThat(renamed.data().hasNonNull("scheduleId")).as(renamed.body().toString()).isFalse();
    }

    @Test
    void an_event_type_on_another_users_schedule_is_refused() {
        Member owner = newMember("mine", "example.com");
        Member other = newMember("theirs", "example.com");
        int theirs = berlinSchedule(other);
        Response refused = as(owner.key(), () -> post("/v2/event-types", """
                {"title": "Borrowed", "slug": "borrowed-%s", "lengthInMinutes": 30, "scheduleId": %d}"""
                .formatted(tag, theirs)));
        assertThat(refused.status().value()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("is not one of user " + owner.id() + "'s schedules");
    }

    /** Both sides choose a team host's hours the same way: their own schedule, then the event type's. */
    @Test
    void a_team_host_works_by_their_own_schedule_before_the_event_types() {
        Member owner = newMember("teamowner", "example.com");
        int ownersDefault = berlinSchedule(owner);
        int mornings = as(owner.key(), () -> post("/v2/schedules", """
                {"name": "Mornings", "timeZone": "UTC",
                 "availability": [{"days": ["Thursday"], "startTime": "06:00", "endTime": "07:00"}]}"""))
                .data().get("id").asInt();
        int teamId = as(owner.key(), () -> post("/v2/teams", """
                {"name": "Hours", "slug": "hours-%s"}""".formatted(tag))).data().get("id").asInt();
        Response created = as(owner.key(), () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Team call", "slug": "team-call-%s", "lengthInMinutes": 30, "schedulingType": "COLLECTIVE",
                 "scheduleId": %d, "hosts": [{"userId": %d, "mandatory": true, "scheduleId": %d}]}"""
                .formatted(tag, ownersDefault, owner.id(), mornings)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        int eventTypeId = created.data().get("id").asInt();

        assertThat(slots(owner.key(), "eventTypeId=" + eventTypeId + "&start=2094-10-28&end=2094-10-28&timeZone=UTC")
                .get("2094-10-28")).containsExactlyElementsOf(halfHours("2094-10-28", 6, 7, "Z"));
        book(eventTypeId, "2094-10-28T06:30:00Z");
        Response outside = post("/v2/bookings", """
                {"start": "2094-10-28T08:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Busy Maker", "email": "busy@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(eventTypeId));
        assertThat(outside.status().value()).as("the event type's hours are not the host's").isEqualTo(422);
    }

    @Test
    void time_out_of_office_takes_its_days_away_and_may_not_overlap() {
        Member host = newMember("away", "example.com");
        berlinSchedule(host);
        int eventTypeId = thirtyMinutes(host, "away-" + tag);

        assertThat(as(host.key(), () -> post("/v2/me/ooo", """
                {"start": "2094-10-27T22:00:00Z", "end": "2094-10-28T22:00:00Z"}""")).status().value()).isEqualTo(201);
        assertThat(as(host.key(), () -> post("/v2/me/ooo", """
                {"start": "2094-10-28T12:00:00Z", "end": "2094-10-29T12:00:00Z"}""")).status().value()).isEqualTo(409);

        assertThat(slots(host.key(), "eventTypeId=" + eventTypeId
                + "&start=2094-10-28&end=2094-10-29&timeZone=Europe/Berlin")).containsOnlyKeys("2094-10-29");
    }

    @Test
    void an_event_type_is_found_by_its_slug_and_its_owners_username() {
        Member host = newMember("slugged", "example.com");
        berlinSchedule(host);
        thirtyMinutes(host, "by-slug-" + tag);
        String username = as(host.key(), () -> get("/v2/me")).data().get("username").asText();

        assertThat(slots(host.key(), "eventTypeSlug=by-slug-" + tag + "&username=" + username
                + "&start=2094-10-28&end=2094-10-28&timeZone=Europe/Berlin").get("2094-10-28")).hasSize(16);
        assertThat(as(host.key(), () -> get("/v2/slots?eventTypeSlug=nope-" + tag + "&username=" + username
                + "&start=2094-10-28&end=2094-10-28")).status().value()).isEqualTo(404);
    }

    @Test
    void invalid_input_is_a_4xx_problem_and_changes_nothing() {
        Member host = newMember("invalid", "example.com");
        berlinSchedule(host);
        int eventTypeId = thirtyMinutes(host, "taken-" + tag);
        long events = storedEvents();

        assertProblem(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Backwards", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday"], "startTime": "17:00", "endTime": "09:00"}]}""")), 422);
        assertProblem(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Nowhere", "timeZone": "Europe/Atlantis"}""")), 400);
        assertProblem(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Overlap", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday"], "startTime": "09:00", "endTime": "12:00"},
                                  {"days": ["Monday", "Friday"], "startTime": "11:00", "endTime": "13:00"}]}""")), 422);
        assertProblem(as(host.key(), () -> post("/v2/event-types", """
                {"title": "Again", "slug": "taken-%s", "lengthInMinutes": 30}""".formatted(tag))), 409);
        assertProblem(as(host.key(), () -> post("/v2/event-types", """
                {"title": "No length", "slug": "zero-%s", "lengthInMinutes": 0}""".formatted(tag))), 400);
        assertProblem(as(host.key(), () -> post("/v2/event-types", """
                {"title": "Typo", "slug": "typo-%s", "lenght": 30}""".formatted(tag))), 400);
        Response badInput = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Bad input", "slug": "input-%s", "lengthInMinutes": 30,
                 "customInputs": [{"label": "Why?", "type": "TEXT"}]}""".formatted(tag)));
        assertProblem(badInput, 400);
        assertThat(badInput.body().at("/errors/0/field").asText()).isEqualTo("customInputs[0].type");
        assertProblem(as(host.key(), () -> get("/v2/slots?eventTypeId=" + eventTypeId
                + "&start=2094-10-29&end=2094-10-28")), 400);
        assertProblem(as(host.key(), () -> get("/v2/slots?eventTypeId=" + eventTypeId
                + "&start=2094-10-28&end=2094-10-29&timeZone=Mars/Olympus")), 400);
        assertThat(storedEvents()).isEqualTo(events);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status().value()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void schedules_read_back_with_the_default_and_their_hours() {
        Member host = newMember("reader", "example.com");
        int first = berlinSchedule(host);
        Response second = as(host.key(), () -> post("/v2/schedules", "{\"name\": \"Evenings\", \"timeZone\": \"UTC\"}"));

        JsonNode schedules = as(host.key(), () -> get("/v2/schedules")).data();
        assertThat(schedules).hasSize(2);
        assertThat(as(host.key(), () -> get("/v2/schedules/default")).data().get("id").asInt()).isEqualTo(first);
        JsonNode berlin = as(host.key(), () -> get("/v2/schedules/" + first)).data();
        assertThat(berlin.at("/availability/0/days").toString())
                .isEqualTo("[\"Monday\",\"Tuesday\",\"Wednesday\",\"Thursday\",\"Friday\"]");
        assertThat(berlin.at("/overrides/0/date").asText()).isEqualTo("2094-11-02");

        int secondId = second.data().get("id").asInt();
        assertThat(as(host.key(), () -> patch("/v2/schedules/" + secondId, "{\"isDefault\": true}")).status().value())
                .isEqualTo(200);
        assertThat(as(host.key(), () -> get("/v2/me")).data().get("defaultScheduleId").asInt()).isEqualTo(secondId);
        assertThat(as(host.key(), () -> delete("/v2/schedules/" + secondId)).status().value()).isEqualTo(200);
        assertThat(as(host.key(), () -> get("/v2/me")).data().get("defaultScheduleId").asInt()).isEqualTo(first);
        assertThat(as(host.key(), () -> delete("/v2/schedules/" + first)).status().value())
                .as("the only schedule stays").isEqualTo(422);
        Member stranger = newMember("stranger", "example.com");
        assertThat(as(stranger.key(), () -> get("/v2/schedules/" + first)).status().value()).isEqualTo(404);
        assertThat(as(stranger.key(), () -> patch("/v2/schedules/" + first, "{\"name\": \"x\"}")).status().value())
                .isEqualTo(403);
    }

    @Test
    void a_managed_event_types_children_follow_what_it_locks() {
        Member owner = newMember("manager", "example.com");
        Member member = newMember("managed", "example.com");
        int teamId = as(owner.key(), () -> post("/v2/teams", """
                {"name": "Managed", "slug": "managed-%s"}""".formatted(tag))).data().get("id").asInt();
        int membershipId = as(owner.key(), () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d}""".formatted(member.id()))).data().get("id").asInt();
        as(member.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membershipId, "{\"accepted\": true}"));
        Response parent = as(owner.key(), () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Onboarding", "slug": "onboarding", "lengthInMinutes": 45, "schedulingType": "MANAGED",
                 "metadata": {"managedEventConfig": {"unlockedFields": {"hidden": true}}}}"""));
        assertThat(parent.status().value()).as(parent.body().toString()).isEqualTo(201);
        int parentId = parent.data().get("id").asInt();
        assertThat(as(owner.key(), () -> post("/v2/teams/" + teamId + "/event-types/" + parentId + "/assign", """
                {"userIds": [%d]}""".formatted(member.id()))).status().value()).isEqualTo(200);

        JsonNode child = as(member.key(), () -> get("/v2/event-types")).data().get(0);
        assertThat(child.get("parentEventTypeId").asInt()).isEqualTo(parentId);
        assertThat(child.get("title").asText()).isEqualTo("Onboarding");
        int childId = child.get("id").asInt();
        assertThat(as(member.key(), () -> patch("/v2/event-types/" + childId, "{\"title\": \"Mine\"}")).status().value())
                .as("the title is locked").isEqualTo(422);
        assertThat(as(member.key(), () -> patch("/v2/event-types/" + childId, "{\"hidden\": true}")).status().value())
                .isEqualTo(200);

        assertThat(as(owner.key(), () -> patch("/v2/teams/" + teamId + "/event-types/" + parentId, """
                {"title": "Onboarding 2", "hidden": false}""")).status().value()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                as(member.key(), () -> get("/v2/event-types/" + childId)).data().get("title").asText()
                        .equals("Onboarding 2"));
        assertThat(as(member.key(), () -> get("/v2/event-types/" + childId)).data().get("hidden").asBoolean())
                .as("unlocked: the child keeps its own").isTrue();
    }
}
