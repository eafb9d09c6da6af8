package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A booking command answers the booking exactly as {@code GET /v2/bookings/{uid}} shows it once the
 * read side has caught up: both are built by one BookingViewBuilder, one from the booking's events
 * and one from the Booking tables, so any field the two paths fill differently shows here. The
 * whole {@code data} object is compared, except {@code seatUid}: a seat's command names the seat it
 * took, which a read of the whole booking cannot know.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingAnswerApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private Member host;
    private Member booker;
    private int plain;
    private int confirmed;
    private int seated;

    @BeforeAll
    void people() {
        client();
        host = newMember("host", "example.com");
        booker = newMember("booker", "example.com");
        berlinHours(host);
        plain = eventType("plain", ", \"locations\": [{\"type\": \"address\", \"address\": \"Main St 1\"}]");
        confirmed = eventType("confirmed", ", \"confirmationPolicy\": {\"type\": \"always\", \"blockUnconfirmedBookingsInBooker\": false}");
        seated = eventType("seated", ", \"seats\": {\"seatsPerTimeSlot\": 2, \"showAttendeeInfo\": false, \"showAvailabilityCount\": true}");
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void booking_confirming_declining_rescheduling_and_cancelling_answer_what_a_read_shows() {
        Response booked = as(booker.key(), () -> post("/v2/bookings", """
                {"start": "2094-05-03T08:00:00Z", "eventTypeId": %d, "guests": ["%s"],
                 "bookingFieldsResponses": {"notes": "Agenda", "company": "Acme"},
                 "metadata": {"source": "answer-test"},
                 "attendee": {"name": "Ada", "email": "%s", "timeZone": "Europe/Berlin",
                              "phoneNumber": "+4930123456"}}""".formatted(plain, email("gil"), email("ada"))));
        String uid = answersAsRead(booked, 201);

        String moved = answersAsRead(as(booker.key(), () -> post("/v2/bookings/" + uid + "/reschedule", """
                {"start": "2094-05-04T09:00:00Z", "reschedulingReason": "Clash"}""")), 201);
        assertThat(as(host.key(), () -> get("/v2/bookings/" + uid)).data().get("rescheduledToUid").asText())
                .isEqualTo(moved);
        answersAsRead(as(host.key(), () -> post("/v2/bookings/" + moved + "/cancel", """
                {"cancellationReason": "Ill"}""")), 200);

        String pending = answersAsRead(as(booker.key(), () -> post("/v2/bookings", book(confirmed,
                "2094-05-05T08:00:00Z"))), 201);
        answersAsRead(as(host.key(), () -> post("/v2/bookings/" + pending + "/confirm", null)), 200);

        String declined = answersAsRead(as(booker.key(), () -> post("/v2/bookings", book(confirmed,
                "2094-05-06T08:00:00Z"))), 201);
        answersAsRead(as(host.key(), () -> post("/v2/bookings/" + declined + "/decline",
                "{\"reason\": \"Fully booked\"}")), 200);
    }

    @Test
    void taking_and_giving_back_seats_answer_what_a_read_shows() {
        Response first = as(booker.key(), () -> post("/v2/bookings", book(seated, "2094-05-07T08:00:00Z")));
        String uid = answersAsRead(first, 201);
        Response second = as(host.key(), () -> post("/v2/bookings/" + uid + "/seats", """
                {"attendee": {"name": "Bo", "email": "%s", "timeZone": "Europe/Berlin"},
                 "bookingFieldsResponses": {"diet": "vegan"}}""".formatted(email("bo"))));
        answersAsRead(second, 201);
        answersAsRead(as(booker.key(), () -> post("/v2/bookings/" + uid + "/cancel",
                "{\"seatUid\": \"%s\"}".formatted(first.data().get("seatUid").asText()))), 200);
        answersAsRead(as(host.key(), () -> post("/v2/bookings/" + uid + "/cancel",
                "{\"seatUid\": \"%s\", \"cancellationReason\": \"Closed\"}"
                        .formatted(second.data().get("seatUid").asText()))), 200);
    }

    @Test
    void marking_absence_and_rating_answer_what_a_read_shows() {
        clock.setTo(Instant.parse("2026-03-08T00:00:00Z"));
        String uid = answersAsRead(as(booker.key(), () -> post("/v2/bookings", """
                {"start": "2026-03-09T09:00:00Z", "eventTypeId": %d, "guests": ["%s"],
                 "attendee": {"name": "Ada", "email": "%s", "timeZone": "Europe/Berlin"}}"""
                .formatted(plain, email("gil"), email("ada")))), 201);
        clock.setTo(Instant.parse("2026-03-09T09:40:00Z"));
        answersAsRead(as(host.key(), () -> post("/v2/bookings/" + uid + "/mark-absent",
                "{\"attendees\": [{\"email\": \"%s\", \"absent\": true}]}".formatted(email("gil")))), 200);
        answersAsRead(as(booker.key(), () -> post("/v2/bookings/" + uid + "/mark-absent", "{\"host\": true}")),
                200);
        answersAsRead(as(booker.key(), () -> post("/v2/bookings/" + uid + "/rating",
                "{\"rating\": 4, \"comment\": \"Helpful\"}")), 200);
    }

    @Test
    void a_collective_booking_answers_its_co_host_among_the_hosts_as_a_read_does() {
        Member coHost = newMember("cohost", "example.com");
        berlinHours(coHost);
        int teamId = as(host.key(), () -> post("/v2/teams", """
                {"name": "Answers", "slug": "answers-%s"}""".formatted(tag))).data().get("id").asInt();
        int membershipId = as(host.key(), () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d}""".formatted(coHost.id()))).data().get("id").asInt();
        as(coHost.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membershipId, "{\"accepted\": true}"));
        Response collective = as(host.key(), () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Pair call", "slug": "pair-%s", "lengthInMinutes": 30, "schedulingType": "COLLECTIVE",
                 "hosts": [{"userId": %d, "mandatory": true}, {"userId": %d, "mandatory": true}]}"""
                .formatted(tag, host.id(), coHost.id())));
        assertThat(collective.status().value()).as(collective.body().toString()).isEqualTo(201);

        String uid = answersAsRead(as(booker.key(), () -> post("/v2/bookings", book(collective.data().get("id")
                .asInt(), "2094-05-10T08:00:00Z"))), 201);
        assertThat(as(host.key(), () -> get("/v2/bookings/" + uid)).data().get("hosts").findValuesAsText("email"))
                .containsExactly(host.email(), coHost.email());
        answersAsRead(as(coHost.key(), () -> post("/v2/bookings/" + uid + "/cancel", "{}")), 200);
    }

    /** Asserts that the command's answer is the booking a read shows, and gives the booking's uid. */
    private String answersAsRead(Response answer, int status) {
        assertThat(answer.status().value()).as(String.valueOf(answer.body())).isEqualTo(status);
        ObjectNode answered = ((ObjectNode) answer.data()).deepCopy();
        answered.remove("seatUid");
        String uid = answered.get("uid").asText();
        awaitProjectionsCaughtUp();
        Response read = as(host.key(), () -> get("/v2/bookings/" + uid));
        assertThat(read.status().value()).as(String.valueOf(read.body())).isEqualTo(200);
        JsonNode shown = read.data();
        assertThat(shown).as("GET /v2/bookings/%s", uid).isEqualTo(answered);
        return uid;
    }

    private void berlinHours(Member member) {
        Response schedule = as(member.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}"""));
        assertThat(schedule.status().value()).as(schedule.body().toString()).isEqualTo(201);
    }

    private String book(int eventTypeId, String start) {
        return """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Ada", "email": "%s", "timeZone": "Europe/Berlin"}}"""
                .formatted(start, eventTypeId, email("ada"));
    }

    private int eventType(String slug, String extra) {
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Call", "slug": "%s-%s", "lengthInMinutes": 30%s}""".formatted(slug, tag, extra)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    private String email(String name) {
        return name + "-" + tag + "@example.com";
    }
}
