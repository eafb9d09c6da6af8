package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The booking commands after the booking is made, over HTTP: each one's success with the rows it
 * leaves, and each rejection as a 4xx problem that writes nothing. Hugo hosts, Bea books, Sid is
 * neither; every test takes slots of its own. Bookings that must be over first are made with the
 * application's clock set back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingActionsApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private Member hugo;
    private Member bea;
    private Member sid;
    private int plain;
    private int confirmed;
    private int seated;

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
        plain = eventType("plain", "");
        confirmed = eventType("confirmed", ", \"confirmationPolicy\": {\"type\": \"always\", \"blockUnconfirmedBookingsInBooker\": false}");
        seated = eventType("seated", ", \"seats\": {\"seatsPerTimeSlot\": 2, \"showAttendeeInfo\": false, \"showAvailabilityCount\": true}");
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    // --- confirm and decline ----------------------------------------------------------------

    @Test
    void the_host_confirms_a_pending_booking_once_and_no_one_else_can() {
        String uid = book(bea, confirmed, "2094-04-05T08:00:00Z");
        long events = storedEvents();

        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + uid + "/confirm", null)), 403);
        assertProblem(as(sid.key(), () -> post("/v2/bookings/" + uid + "/confirm", null)), 403);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/no-such-booking/confirm", null)), 404);
        assertThat(storedEvents()).as("nothing was written").isEqualTo(events);
        awaitProjectionsCaughtUp();
        assertThat(booking(uid)).containsEntry("status", "pending");

        Response accepted = as(hugo.key(), () -> post("/v2/bookings/" + uid + "/confirm", null));
        assertThat(accepted.status().value()).as(accepted.body().toString()).isEqualTo(200);
        assertThat(accepted.data().get("status").asText()).isEqualTo("accepted");
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/confirm", null)), 409);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/decline", "{\"reason\": \"Late\"}")), 409);

        awaitProjectionsCaughtUp();
        Map<String, Object> row = booking(uid);
        assertThat(row).containsEntry("status", "accepted").containsEntry("rejectionReason", null);
        assertThat(row.get("updatedAt")).isNotNull();
        assertThat(row.get("idempotencyKey")).as("an accepted booking holds its slot").isNotNull();
        assertThat(denormalized(uid)).containsEntry("status", "accepted");
        assertThat(as(bea.key(), () -> get("/v2/bookings/" + uid)).data().get("status").asText()).isEqualTo("accepted");
    }

    @Test
    void the_host_declines_a_pending_booking_with_a_reason_and_its_slot_is_free_again() {
        String uid = book(bea, confirmed, "2094-04-06T08:00:00Z");
        long events = storedEvents();

        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + uid + "/decline", "{\"reason\": \"No\"}")), 403);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/decline",
                "{\"reason\": \"%s\"}".formatted("x".repeat(5001)))), 400);
        assertThat(storedEvents()).isEqualTo(events);

        Response declined = as(hugo.key(), () -> post("/v2/bookings/" + uid + "/decline",
                "{\"reason\": \"Fully booked\"}"));
        assertThat(declined.status().value()).as(declined.body().toString()).isEqualTo(200);
        assertThat(declined.data().get("status").asText()).isEqualTo("rejected");
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/decline", "{}")), 409);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/confirm", null)), 409);

        awaitProjectionsCaughtUp();
        Map<String, Object> row = booking(uid);
        assertThat(row).containsEntry("status", "rejected").containsEntry("rejectionReason", "Fully booked")
                .containsEntry("idempotencyKey", null);
        assertThat(denormalized(uid)).containsEntry("status", "rejected");
        assertThat(as(hugo.key(), () -> get("/v2/bookings?status=cancelled")).data().findValuesAsText("uid"))
                .contains(uid);
        assertThat(book(bea, confirmed, "2094-04-06T08:00:00Z")).as("the slot is free again").isNotEqualTo(uid);
    }

    @Test
    void an_accepted_booking_is_neither_confirmed_nor_declined() {
        String uid = book(bea, plain, "2094-04-07T08:00:00Z");
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/confirm", null)), 409);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/decline", "{}")), 409);
        awaitProjectionsCaughtUp();
        assertThat(booking(uid)).containsEntry("status", "accepted").containsEntry("updatedAt", null);
    }

    // --- no-shows ---------------------------------------------------------------------------

    @Test
    void the_host_marks_attendees_absent_and_the_booker_marks_the_host_once_the_booking_began() {
        clock.setTo(Instant.parse("2026-03-01T00:00:00Z"));
        String uid = as(bea.key(), () -> uidOf(post("/v2/bookings", """
                {"start": "2026-03-02T09:00:00Z", "eventTypeId": %d, "guests": ["%s"],
                 "attendee": {"name": "Ada", "email": "%s", "timeZone": "Europe/Berlin"}}"""
                .formatted(plain, email("gil"), email("ada")))));
        String adaAbsent = absence(email("ada"), true);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/mark-absent", adaAbsent)), 422);

        clock.setTo(Instant.parse("2026-03-02T09:40:00Z"));
        long events = storedEvents();
        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + uid + "/mark-absent", adaAbsent)), 403);
        assertProblem(as(sid.key(), () -> post("/v2/bookings/" + uid + "/mark-absent", "{\"host\": true}")), 403);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/mark-absent", "{}")), 422);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/mark-absent",
                absence("nobody@example.com", true))), 422);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/mark-absent",
                absence(hugo.email(), true))), 422);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/mark-absent",
                absence("not-an-email", true))), 400);
        assertThat(storedEvents()).as("nothing was written").isEqualTo(events);

        Response marked = as(hugo.key(), () -> post("/v2/bookings/" + uid + "/mark-absent", adaAbsent));
        assertThat(marked.status().value()).as(marked.body().toString()).isEqualTo(200);
        assertThat(marked.data().get("absentHost").asBoolean()).isFalse();
        assertThat(absentByEmail(marked.data())).isEqualTo(Map.of(email("ada"), true, email("gil"), false));
        Response hostAbsent = as(bea.key(), () -> post("/v2/bookings/" + uid + "/mark-absent", "{\"host\": true}"));
        assertThat(hostAbsent.status().value()).as(hostAbsent.body().toString()).isEqualTo(200);
        assertThat(hostAbsent.data().get("absentHost").asBoolean()).isTrue();

        awaitProjectionsCaughtUp();
        assertThat(booking(uid)).containsEntry("noShowHost", true);
        assertThat(denormalized(uid)).containsEntry("noShowHost", true);
        assertThat(noShows(uid)).isEqualTo(Map.of(email("ada"), true, email("gil"), false));

        Response cameAfterAll = as(hugo.key(), () -> post("/v2/bookings/" + uid + "/mark-absent",
                "{\"host\": false, \"attendees\": [{\"email\": \"%s\", \"absent\": false}]}".formatted(email("ADA"))));
        assertThat(cameAfterAll.status().value()).as(cameAfterAll.body().toString()).isEqualTo(200);
        awaitProjectionsCaughtUp();
        assertThat(booking(uid)).containsEntry("noShowHost", false);
        assertThat(noShows(uid)).isEqualTo(Map.of(email("ada"), false, email("gil"), false));
        assertThat(absentByEmail(as(hugo.key(), () -> get("/v2/bookings/" + uid)).data()))
                .isEqualTo(Map.of(email("ada"), false, email("gil"), false));
    }

    @Test
    void no_one_is_absent_from_a_booking_that_is_not_accepted() {
        clock.setTo(Instant.parse("2026-03-01T00:00:00Z"));
        String pending = book(bea, confirmed, "2026-03-03T09:00:00Z");
        clock.setTo(Instant.parse("2026-03-03T10:00:00Z"));
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + pending + "/mark-absent", "{\"host\": true}")), 409);
        awaitProjectionsCaughtUp();
        assertThat(booking(pending)).containsEntry("noShowHost", false);
    }

    private static String absence(String email, boolean absent) {
        return "{\"attendees\": [{\"email\": \"%s\", \"absent\": %s}]}".formatted(email, absent);
    }

    private static Map<String, Boolean> absentByEmail(JsonNode booking) {
        Map<String, Boolean> absent = new java.util.HashMap<>();
        booking.get("attendees").forEach(a -> absent.put(a.get("email").asText(), a.get("absent").asBoolean()));
        return absent;
    }

    private Map<String, Boolean> noShows(String uid) {
        Map<String, Boolean> noShows = new java.util.HashMap<>();
        jdbc.query("select a.email, a.\"noShow\" from \"Attendee\" a join \"Booking\" b on b.id = a.\"bookingId\""
                + " where b.uid = ?", rs -> {
            noShows.put(rs.getString(1), rs.getBoolean(2));
        }, uid);
        return noShows;
    }

    // --- rating -----------------------------------------------------------------------------

    @Test
    void the_booker_rates_a_booking_that_took_place_with_feedback() {
        clock.setTo(Instant.parse("2026-03-01T00:00:00Z"));
        String uid = book(bea, plain, "2026-03-04T09:00:00Z");
        String cancelled = book(bea, plain, "2026-03-04T10:00:00Z");
        assertThat(as(hugo.key(), () -> post("/v2/bookings/" + cancelled + "/cancel", "{}")).status().value())
                .isEqualTo(200);
        String four = "{\"rating\": 4, \"comment\": \"Helpful\"}";
        long events = storedEvents();
        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + uid + "/rating", four)), 422);

        clock.setTo(Instant.parse("2026-03-05T00:00:00Z"));
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/rating", four)), 403);
        assertProblem(as(sid.key(), () -> post("/v2/bookings/" + uid + "/rating", four)), 403);
        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + uid + "/rating", "{\"rating\": 6}")), 400);
        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + uid + "/rating", "{\"rating\": 0}")), 400);
        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + uid + "/rating", "{\"comment\": \"?\"}")), 400);
        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + cancelled + "/rating", four)), 409);
        assertThat(storedEvents()).as("nothing was written").isEqualTo(events);

        Response rated = as(bea.key(), () -> post("/v2/bookings/" + uid + "/rating", four));
        assertThat(rated.status().value()).as(rated.body().toString()).isEqualTo(200);
        assertThat(rated.data().get("rating").asInt()).isEqualTo(4);

        awaitProjectionsCaughtUp();
        assertThat(booking(uid)).containsEntry("rating", 4).containsEntry("ratingFeedback", "Helpful");
        assertThat(denormalized(uid)).containsEntry("rating", 4).containsEntry("ratingFeedback", "Helpful");
        assertThat(booking(cancelled)).containsEntry("rating", null);
        assertThat(as(hugo.key(), () -> get("/v2/bookings/" + uid)).data().get("rating").asInt()).isEqualTo(4);
    }

    // --- seats ------------------------------------------------------------------------------

    @Test
    void seats_are_taken_up_to_capacity_and_the_booking_lasts_until_its_last_seat_is_given_back() {
        Response first = as(bea.key(), () -> post("/v2/bookings", """
                {"start": "2094-04-08T08:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada", "email": "%s", "timeZone": "Europe/Berlin"}}"""
                .formatted(seated, email("ada"))));
        String uid = uidOf(first);
        String adasSeat = first.data().get("seatUid").asText();
        assertProblem(as(sid.key(), () -> post("/v2/bookings/" + uid + "/seats", seat("Ada again", email("ada")))),
                409);
        Response second = as(sid.key(), () -> post("/v2/bookings/" + uid + "/seats", seat("Bo", email("bo"))));
        assertThat(second.status().value()).as(second.body().toString()).isEqualTo(201);
        assertThat(second.data().get("uid").asText()).isEqualTo(uid);
        String bosSeat = second.data().get("seatUid").asText();
        assertThat(second.data().get("seats").findValuesAsText("seatUid")).containsExactly(adasSeat, bosSeat);
        assertProblem(as(sid.key(), () -> post("/v2/bookings/" + uid + "/seats", seat("Cy", email("cy")))), 409);
        assertProblem(as(sid.key(), () -> post("/v2/bookings/no-such-booking/seats", seat("Cy", email("cy")))), 404);
        awaitProjectionsCaughtUp();
        assertThat(seatsOf(uid)).isEqualTo(Map.of(adasSeat, email("ada"), bosSeat, email("bo")));

        long events = storedEvents();
        assertProblem(as(sid.key(), () -> post("/v2/bookings/" + uid + "/cancel",
                "{\"seatUid\": \"%s\"}".formatted(adasSeat))), 403);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/cancel", "{\"seatUid\": \"no-such-seat\"}")),
                404);
        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + uid + "/cancel", "{}")), 403);
        assertThat(storedEvents()).as("nothing was written").isEqualTo(events);

        Response adaLeft = as(bea.key(), () -> post("/v2/bookings/" + uid + "/cancel",
                "{\"seatUid\": \"%s\"}".formatted(adasSeat)));
        assertThat(adaLeft.status().value()).as(adaLeft.body().toString()).isEqualTo(200);
        assertThat(adaLeft.data().get("status").asText()).isEqualTo("accepted");
        awaitProjectionsCaughtUp();
        assertThat(seatsOf(uid)).isEqualTo(Map.of(bosSeat, email("bo")));
        assertThat(booking(uid)).containsEntry("status", "accepted");
        assertThat(jdbc.queryForList("select a.email from \"Attendee\" a join \"Booking\" b on b.id = a.\"bookingId\""
                + " where b.uid = ?", String.class, uid)).containsExactly(email("bo"));

        Response lastLeft = as(hugo.key(), () -> post("/v2/bookings/" + uid + "/cancel",
                "{\"seatUid\": \"%s\", \"cancellationReason\": \"Closed\"}".formatted(bosSeat)));
        assertThat(lastLeft.status().value()).as(lastLeft.body().toString()).isEqualTo(200);
        assertThat(lastLeft.data().get("status").asText()).isEqualTo("cancelled");
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/cancel",
                "{\"seatUid\": \"%s\"}".formatted(bosSeat))), 404);
        awaitProjectionsCaughtUp();
        assertThat(seatsOf(uid)).isEmpty();
        assertThat(booking(uid)).containsEntry("status", "cancelled").containsEntry("cancellationReason", "Closed");
    }

    private String seat(String name, String email) {
        return """
                {"attendee": {"name": "%s", "email": "%s", "timeZone": "Europe/Berlin"}}""".formatted(name, email);
    }

    private Map<String, String> seatsOf(String uid) {
        Map<String, String> seats = new java.util.HashMap<>();
        jdbc.query("""
                select s."referenceUid", a.email from "BookingSeat" s join "Booking" b on b.id = s."bookingId"
                join "Attendee" a on a.id = s."attendeeId" where b.uid = ?""",
                rs -> {
                    seats.put(rs.getString(1), rs.getString(2));
                }, uid);
        return seats;
    }

    // --- notes and references ---------------------------------------------------------------

    @Test
    void the_host_keeps_internal_notes_on_a_booking() {
        String uid = book(bea, plain, "2094-04-09T08:00:00Z");
        long events = storedEvents();
        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + uid + "/notes", "{\"text\": \"Mine\"}")), 403);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/notes", "{\"text\": \"  \"}")), 400);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/no-such-booking/notes", "{\"text\": \"x\"}")), 404);
        assertThat(storedEvents()).as("nothing was written").isEqualTo(events);

        Response first = as(hugo.key(), () -> post("/v2/bookings/" + uid + "/notes", "{\"text\": \"VIP\"}"));
        assertThat(first.status().value()).as(first.body().toString()).isEqualTo(201);
        int firstId = first.data().get("id").asInt();
        Response second = as(hugo.key(), () -> post("/v2/bookings/" + uid + "/notes", "{\"text\": \"Send agenda\"}"));
        assertThat(second.status().value()).isEqualTo(201);

        awaitProjectionsCaughtUp();
        List<Map<String, Object>> notes = jdbc.queryForList("""
                select n.id, n.text, n."createdById" from "BookingInternalNote" n
                join "Booking" b on b.id = n."bookingId" where b.uid = ? order by n.id""", uid);
        assertThat(notes).containsExactly(
                Map.of("id", firstId, "text", "VIP", "createdById", hugo.id()),
                Map.of("id", second.data().get("id").asInt(), "text", "Send agenda", "createdById", hugo.id()));
    }

    @Test
    void the_host_links_a_booking_to_a_video_meeting_and_unlinks_it() {
        String uid = book(bea, plain, "2094-04-12T08:00:00Z");
        String daily = """
                {"type": "daily_video", "uid": "room-%s", "meetingId": "room-%s", "meetingPassword": "secret",
                 "meetingUrl": "https://daily.example/room-%s"}""".formatted(tag, tag, tag);
        long events = storedEvents();
        assertProblem(as(bea.key(), () -> post("/v2/bookings/" + uid + "/references", daily)), 403);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/references", "{\"uid\": \"x\"}")), 400);
        assertProblem(as(hugo.key(), () -> post("/v2/bookings/" + uid + "/references",
                "{\"type\": \"daily_video\", \"uid\": \"x\", \"credentialId\": -1}")), 400);
        assertThat(storedEvents()).as("nothing was written").isEqualTo(events);

        Response linked = as(hugo.key(), () -> post("/v2/bookings/" + uid + "/references", daily));
        assertThat(linked.status().value()).as(linked.body().toString()).isEqualTo(201);
        int referenceId = linked.data().get("id").asInt();
        awaitProjectionsCaughtUp();
        assertThat(reference(referenceId)).containsEntry("type", "daily_video").containsEntry("uid", "room-" + tag)
                .containsEntry("meetingId", "room-" + tag).containsEntry("meetingPassword", "secret")
                .containsEntry("meetingUrl", "https://daily.example/room-" + tag).containsEntry("deleted", null)
                .containsEntry("bookingId", booking(uid).get("id"));

        assertProblem(as(bea.key(), () -> delete("/v2/bookings/" + uid + "/references/" + referenceId)), 403);
        assertProblem(as(hugo.key(), () -> delete("/v2/bookings/" + uid + "/references/" + (referenceId + 1000))),
                404);
        assertThat(as(hugo.key(), () -> delete("/v2/bookings/" + uid + "/references/" + referenceId)).status().value())
                .isEqualTo(204);
        assertProblem(as(hugo.key(), () -> delete("/v2/bookings/" + uid + "/references/" + referenceId)), 404);
        awaitProjectionsCaughtUp();
        assertThat(reference(referenceId)).as("cal.com keeps it, marked deleted").containsEntry("deleted", true);
    }

    private Map<String, Object> reference(int id) {
        return jdbc.queryForMap("select * from \"BookingReference\" where id = ?", id);
    }

    // --- helpers ----------------------------------------------------------------------------

    private int eventType(String slug, String extra) {
        Response created = as(hugo.key(), () -> post("/v2/event-types", """
                {"title": "Call", "slug": "%s-%s", "lengthInMinutes": 30%s}""".formatted(slug, tag, extra)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    private String email(String name) {
        return name + "-" + tag + "@example.com";
    }

    private String book(Member booker, int eventTypeId, String start) {
        return as(booker.key(), () -> uidOf(post("/v2/bookings", """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Ada", "email": "%s", "timeZone": "Europe/Berlin"}}"""
                .formatted(start, eventTypeId, email("ada")))));
    }

    private static String uidOf(Response response) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.data().get("uid").asText();
    }

    private Map<String, Object> booking(String uid) {
        return jdbc.queryForMap("select * from \"Booking\" where uid = ?", uid);
    }

    private Map<String, Object> denormalized(String uid) {
        return jdbc.queryForMap("select * from \"BookingDenormalized\" where uid = ?", uid);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }
}
