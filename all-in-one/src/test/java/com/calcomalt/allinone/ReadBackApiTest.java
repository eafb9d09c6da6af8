package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the API writes beside bookings and event types, read back over HTTP by whoever may write it:
 * times away and their reasons, private links, a booking's internal notes and references, held slots.
 * Everybody else is told there is nothing (404, or an empty list for the caller's own things).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadBackApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private Member hugo;
    private Member bea;
    private Member sid;
    private int eventTypeId;

    @BeforeAll
    void people() {
        client();
        hugo = newMember("hugo", "example.com");
        bea = newMember("bea", "example.com");
        sid = newMember("sid", "example.com");
        Response schedule = as(hugo.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}"""));
        assertThat(schedule.status().value()).as(schedule.body().toString()).isEqualTo(201);
        eventTypeId = created(as(hugo.key(), () -> post("/v2/event-types", """
                {"title": "Call", "slug": "read-back-%s", "lengthInMinutes": 30}""".formatted(tag))));
    }

    // --- out of office ----------------------------------------------------------------------

    @Test
    void the_default_reasons_and_a_users_own_are_listed_so_that_their_ids_can_be_used() {
        JsonNode vacation = await().atMost(Duration.ofSeconds(10)).until(
                () -> find(as(hugo.key(), () -> get("/v2/me/ooo/reasons")).data(),
                        r -> r.get("reason").asText().equals("ooo_reasons_vacation")), r -> r != null);
        assertThat(vacation.get("userId").isNull()).isTrue();
        assertThat(vacation.get("emoji").asText()).isNotBlank();

        int own = created(as(hugo.key(), () -> post("/v2/me/ooo/reasons", """
                {"emoji": "📚", "reason": "Course %s"}""".formatted(tag))));
        awaitProjectionsCaughtUp();
        JsonNode hugos = find(as(hugo.key(), () -> get("/v2/me/ooo/reasons")).data(), r -> r.get("id").asInt() == own);
        assertThat(hugos).isNotNull();
        assertThat(hugos.get("userId").asInt()).isEqualTo(hugo.id());
        assertThat(hugos.get("reason").asText()).isEqualTo("Course " + tag);
        JsonNode sids = as(sid.key(), () -> get("/v2/me/ooo/reasons")).data();
        assertThat(find(sids, r -> r.get("id").asInt() == own)).as("another user's reason").isNull();
        assertThat(find(sids, r -> r.get("id").asInt() == vacation.get("id").asInt())).isNotNull();

        Response away = as(hugo.key(), () -> post("/v2/me/ooo", """
                {"start": "2029-03-01T00:00:00Z", "end": "2029-03-02T00:00:00Z", "reasonId": %d}"""
                .formatted(vacation.get("id").asInt())));
        assertThat(away.status().value()).as(away.body().toString()).isEqualTo(201);
    }

    @Test
    void cal_coms_own_out_of_office_example_is_taken_and_answered_as_cal_com_answers_it() {
        Member ann = newMember("hawaii", "example.com");
        Response made = as(ann.key(), () -> post("/v2/me/ooo", """
                {"start": "2029-05-01T00:00:00.000Z", "end": "2029-05-10T23:59:59.999Z", "notes": "Vacation in Hawaii",
                 "toUserId": %d, "reason": "vacation"}""".formatted(sid.id())));
        assertThat(made.status().value()).as(made.body().toString()).isEqualTo(201);
        JsonNode entry = made.data();
        assertThat(entry.get("userId").asInt()).isEqualTo(ann.id());
        assertThat(entry.get("toUserId").asInt()).isEqualTo(sid.id());
        assertThat(entry.get("uuid").asText()).isNotBlank();
        assertThat(entry.get("start").asText()).isEqualTo("2029-05-01T00:00:00Z");
        assertThat(entry.get("end").asText()).isEqualTo("2029-05-10T23:59:59.999Z");
        assertThat(entry.get("notes").asText()).isEqualTo("Vacation in Hawaii");
        assertThat(entry.get("reason").asText()).isEqualTo("vacation");

        Response moved = as(ann.key(), () -> patch("/v2/me/ooo/" + entry.get("id").asInt(), """
                {"start": "2029-06-01T10:00:00Z", "end": "2029-06-02T10:00:00Z", "reason": "sick"}"""));
        assertThat(moved.status().value()).as(moved.body().toString()).isEqualTo(200);
        assertThat(moved.data().get("start").asText()).isEqualTo("2029-06-01T00:00:00Z");
        assertThat(moved.data().get("end").asText()).isEqualTo("2029-06-02T23:59:59.999Z");
        assertThat(moved.data().get("reason").asText()).isEqualTo("sick");
        assertThat(moved.data().get("notes").asText()).as("what is left out stays").isEqualTo("Vacation in Hawaii");
        awaitProjectionsCaughtUp();
        JsonNode read = as(ann.key(), () -> get("/v2/me/ooo")).data().get(0);
        for (String field : List.of("id", "uuid", "userId", "toUserId", "start", "end", "notes", "reason", "reasonId")) {
            assertThat(read.get(field)).as(field).isEqualTo(moved.data().get(field));
        }

        assertProblem(as(ann.key(), () -> patch("/v2/me/ooo/" + entry.get("id").asInt(), """
                {"start": "2029-07-01T00:00:00Z"}""")), 400);
        assertProblem(as(ann.key(), () -> post("/v2/me/ooo", """
                {"start": "2029-08-01T00:00:00Z", "end": "2029-08-02T00:00:00Z", "reason": "holiday"}""")), 400);
        assertProblem(as(ann.key(), () -> post("/v2/me/ooo", """
                {"start": "2029-08-01T00:00:00Z", "end": "2029-08-02T00:00:00Z", "reason": "travel",
                 "reasonId": 1}""")), 400);
    }

    @Test
    void a_users_times_away_are_listed_for_them_by_start_in_pages_and_for_no_one_else() {
        Member ann = newMember("ann", "example.com");
        int later = created(as(ann.key(), () -> post("/v2/me/ooo", """
                {"start": "2028-08-10T00:00:00Z", "end": "2028-08-12T00:00:00Z", "toUserId": %d,
                 "notes": "Hiking", "showNotePublicly": true}""".formatted(sid.id()))));
        int sooner = created(as(ann.key(), () -> post("/v2/me/ooo", """
                {"start": "2028-07-01T00:00:00Z", "end": "2028-07-03T00:00:00Z"}""")));
        awaitProjectionsCaughtUp();

        JsonNode entries = as(ann.key(), () -> get("/v2/me/ooo")).data();
        assertThat(ids(entries)).containsExactly(sooner, later);
        JsonNode hiking = entries.get(1);
        assertThat(hiking.get("userId").asInt()).isEqualTo(ann.id());
        assertThat(hiking.get("toUserId").asInt()).isEqualTo(sid.id());
        assertThat(hiking.get("start").asText()).isEqualTo("2028-08-10T00:00:00Z");
        assertThat(hiking.get("end").asText()).as("the whole last day, as cal.com takes it")
                .isEqualTo("2028-08-12T23:59:59.999Z");
        assertThat(hiking.get("reason").asText()).as("cal.com's default").isEqualTo("unspecified");
        assertThat(hiking.get("notes").asText()).isEqualTo("Hiking");
        assertThat(hiking.get("showNotePublicly").asBoolean()).isTrue();
        assertThat(hiking.get("uuid").asText()).isNotBlank();
        assertThat(ids(as(ann.key(), () -> get("/v2/me/ooo?sortStart=desc")).data())).containsExactly(later, sooner);
        assertThat(ids(as(ann.key(), () -> get("/v2/me/ooo?take=1&skip=1")).data())).containsExactly(later);

        assertThat(ids(as(sid.key(), () -> get("/v2/me/ooo")).data())).doesNotContain(sooner, later);
        assertProblem(as(ann.key(), () -> get("/v2/me/ooo?take=0")), 400);
        assertProblem(as(ann.key(), () -> get("/v2/me/ooo?sortStart=up")), 400);

        Response deleted = as(ann.key(), () -> delete("/v2/me/ooo/" + sooner));
        assertThat(deleted.status().value()).as("cal.com answers the deleted entry").isEqualTo(200);
        assertThat(deleted.data().get("id").asInt()).isEqualTo(sooner);
        awaitProjectionsCaughtUp();
        assertThat(ids(as(ann.key(), () -> get("/v2/me/ooo")).data())).containsExactly(later);
    }

    // --- private links ----------------------------------------------------------------------

    @Test
    void an_event_types_private_links_are_listed_for_whoever_may_change_it() {
        int used = created(as(hugo.key(), () -> post("/v2/event-types/" + eventTypeId + "/private-links",
                "{\"maxUsageCount\": 3}")));
        int timed = created(as(hugo.key(), () -> post("/v2/event-types/" + eventTypeId + "/private-links",
                "{\"expiresAt\": \"2087-01-01T00:00:00Z\"}")));
        awaitProjectionsCaughtUp();

        JsonNode links = as(hugo.key(), () -> get("/v2/event-types/" + eventTypeId + "/private-links")).data();
        assertThat(ids(links)).containsExactly(used, timed);
        assertThat(links.get(0).get("linkId").asText()).isNotBlank();
        assertThat(links.get(0).get("eventTypeId").asInt()).isEqualTo(eventTypeId);
        assertThat(links.get(0).get("maxUsageCount").asInt()).isEqualTo(3);
        assertThat(links.get(0).get("usageCount").asInt()).isZero();
        assertThat(links.get(0).get("isExpired").asBoolean()).isFalse();
        assertThat(links.get(1).get("expiresAt").asText()).isEqualTo("2087-01-01T00:00:00Z");
        assertProblem(as(sid.key(), () -> get("/v2/event-types/" + eventTypeId + "/private-links")), 404);
        assertProblem(as(hugo.key(), () -> get("/v2/event-types/987654321/private-links")), 404);

        assertThat(as(hugo.key(), () -> delete("/v2/event-types/" + eventTypeId + "/private-links/" + used))
                .status().value()).isEqualTo(204);
        awaitProjectionsCaughtUp();
        assertThat(ids(as(hugo.key(), () -> get("/v2/event-types/" + eventTypeId + "/private-links")).data()))
                .containsExactly(timed);
    }

    @Test
    void a_team_event_types_private_links_are_listed_for_its_owner_and_not_for_a_member() {
        Member owner = newMember("owner", "example.com");
        int teamId = created(as(owner.key(), () -> post("/v2/teams", """
                {"name": "Links", "slug": "links-%s"}""".formatted(tag))));
        created(as(owner.key(), () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d, "role": "MEMBER"}""".formatted(sid.id()))));
        int teamEventType = created(as(owner.key(), () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Team", "slug": "team-links", "lengthInMinutes": 30, "schedulingType": "COLLECTIVE"}""")));
        int link = created(as(owner.key(), () -> post("/v2/event-types/" + teamEventType + "/private-links", null)));
        awaitProjectionsCaughtUp();

        assertThat(ids(as(owner.key(), () -> get("/v2/event-types/" + teamEventType + "/private-links")).data()))
                .containsExactly(link);
        assertThat(as(sid.key(), () -> get("/v2/event-types/" + teamEventType)).status().value())
                .as("a member sees the event type").isEqualTo(200);
        assertProblem(as(sid.key(), () -> get("/v2/event-types/" + teamEventType + "/private-links")), 404);
    }

    // --- a booking's notes and references ---------------------------------------------------

    @Test
    void a_bookings_internal_notes_are_read_by_its_host_and_never_by_its_attendee_or_booker() {
        String uid = book("2094-05-03T08:00:00Z");
        int first = created(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/notes", "{\"text\": \"VIP\"}")));
        int second = created(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/notes",
                "{\"text\": \"Send agenda\"}")));
        awaitProjectionsCaughtUp();

        JsonNode notes = as(hugo.key(), () -> get("/v2/bookings/" + uid + "/notes")).data();
        assertThat(ids(notes)).containsExactly(first, second);
        assertThat(notes.get(0).get("text").asText()).isEqualTo("VIP");
        assertThat(notes.get(0).get("createdById").asInt()).isEqualTo(hugo.id());
        assertThat(notes.get(0).get("createdAt").asText()).isNotBlank();

        assertThat(as(bea.key(), () -> get("/v2/bookings/" + uid)).status().value())
                .as("the attendee sees the booking").isEqualTo(200);
        assertProblem(as(bea.key(), () -> get("/v2/bookings/" + uid + "/notes")), 404);
        assertProblem(as(sid.key(), () -> get("/v2/bookings/" + uid + "/notes")), 404);
        assertProblem(as(hugo.key(), () -> get("/v2/bookings/no-such-booking/notes")), 404);
        assertThat(ids(as(ADMIN_KEY, () -> get("/v2/bookings/" + uid + "/notes")).data()))
                .containsExactly(first, second);
    }

    @Test
    void a_bookings_references_are_read_by_its_host_until_removed_and_by_no_one_else() {
        String uid = book("2094-05-04T08:00:00Z");
        int video = created(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/references", """
                {"type": "daily_video", "uid": "room-%s", "meetingId": "room-%s", "meetingPassword": "secret",
                 "meetingUrl": "https://daily.example/room-%s"}""".formatted(tag, tag, tag))));
        int calendar = created(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/references", """
                {"type": "google_calendar", "uid": "event-%s", "externalCalendarId": "hugo@example.com"}"""
                .formatted(tag))));
        awaitProjectionsCaughtUp();

        JsonNode references = as(hugo.key(), () -> get("/v2/bookings/" + uid + "/references")).data();
        assertThat(ids(references)).containsExactly(video, calendar);
        assertThat(references.get(0).get("type").asText()).isEqualTo("daily_video");
        assertThat(references.get(0).get("eventUid").asText()).isEqualTo("room-" + tag);
        assertThat(references.get(0).get("meetingUrl").asText()).isEqualTo("https://daily.example/room-" + tag);
        assertThat(references.get(1).get("destinationCalendarId").asText()).isEqualTo("hugo@example.com");
        assertThat(ids(as(hugo.key(), () -> get("/v2/bookings/" + uid + "/references?type=google_calendar")).data()))
                .containsExactly(calendar);
        assertProblem(as(bea.key(), () -> get("/v2/bookings/" + uid + "/references")), 404);
        assertProblem(as(sid.key(), () -> get("/v2/bookings/" + uid + "/references")), 404);

        assertThat(as(hugo.key(), () -> delete("/v2/bookings/" + uid + "/references/" + video)).status().value())
                .isEqualTo(204);
        awaitProjectionsCaughtUp();
        assertThat(ids(as(hugo.key(), () -> get("/v2/bookings/" + uid + "/references")).data()))
                .as("cal.com lists no deleted reference").containsExactly(calendar);
    }

    // --- slot reservations ------------------------------------------------------------------

    @Test
    void a_held_slot_is_read_back_by_who_holds_it_and_a_system_admin_until_released() {
        JsonNode held = as(bea.key(), () -> post("/v2/slots/reservations", """
                {"eventTypeId": %d, "slotStart": "2029-06-04T09:00:00Z", "reservationDuration": 10}"""
                .formatted(eventTypeId))).data();
        String path = "/v2/slots/reservations/" + held.get("reservationUid").asText();
        awaitProjectionsCaughtUp();

        JsonNode reservation = as(bea.key(), () -> get(path)).data();
        assertThat(reservation.get("reservationUid").asText()).isEqualTo(held.get("reservationUid").asText());
        assertThat(reservation.get("eventTypeId").asInt()).isEqualTo(eventTypeId);
        assertThat(reservation.get("slotStart").asText()).isEqualTo("2029-06-04T09:00:00Z");
        assertThat(reservation.get("slotEnd").asText()).isEqualTo("2029-06-04T09:30:00Z");
        assertThat(reservation.get("slotDuration").asInt()).isEqualTo(30);
        assertThat(Duration.between(Instant.parse(reservation.get("reservationUntil").asText()),
                Instant.parse(held.get("reservationUntil").asText())).abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(as(ADMIN_KEY, () -> get(path)).status().value()).isEqualTo(200);
        assertProblem(as(hugo.key(), () -> get(path)), 404);
        assertProblem(as(sid.key(), () -> get(path)), 404);

        assertThat(as(bea.key(), () -> delete(path)).status().value()).isEqualTo(200);
        awaitProjectionsCaughtUp();
        assertProblem(as(bea.key(), () -> get(path)), 404);
    }

    // --- helpers ----------------------------------------------------------------------------

    /** Bea books Hugo's event type as its attendee, under her own email. */
    private String book(String start) {
        Response booked = as(bea.key(), () -> post("/v2/bookings", """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Bea", "email": "%s", "timeZone": "Europe/Berlin"}}"""
                .formatted(start, eventTypeId, bea.email())));
        assertThat(booked.status().value()).as(String.valueOf(booked.body())).isEqualTo(201);
        return booked.data().get("uid").asText();
    }

    private static int created(Response response) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.data().get("id").asInt();
    }

    private static List<Integer> ids(JsonNode list) {
        List<Integer> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asInt()));
        return ids;
    }

    private static JsonNode find(JsonNode list, Predicate<JsonNode> which) {
        for (JsonNode item : list) {
            if (which.test(item)) {
                return item;
            }
        }
        return null;
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
