package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * cal.com's own examples of API v2 requests, sent as cal.com documents them (its API docs'
 * examples and its e2e tests at the reference revision), with the cal-api-version header a
 * cal.com client sends, and the answers cal.com documents for them.
 */
class CalcomExamplesApiTest extends ApiTest {

    private static final Map<String, String> SCHEDULES = Map.of("cal-api-version", "2024-06-11");
    private static final Map<String, String> EVENT_TYPES = Map.of("cal-api-version", "2024-06-14");
    private static final Map<String, String> BOOKINGS = Map.of("cal-api-version", "2024-08-13");

    private Response send(HttpMethod method, String path, String body, Map<String, String> headers) {
        return call(method, path, body, headers);
    }

    /** The example of cal.com's CreateScheduleInput_2024_06_11 and its ScheduleOutput_2024_06_11. */
    @Test
    void cals_documented_schedule_example_is_created_and_answered_as_cal_documents() throws Exception {
        Member user = newMember("catchup", "example.com");
        String example = """
                {"name": "Catch up hours", "timeZone": "Europe/Rome",
                 "availability": [{"days": ["Monday", "Tuesday"], "startTime": "17:00", "endTime": "19:00"},
                                  {"days": ["Wednesday", "Thursday"], "startTime": "16:00", "endTime": "20:00"}],
                 "isDefault": true,
                 "overrides": [{"date": "2024-05-20", "startTime": "18:00", "endTime": "21:00"}]}""";

        Response created = as(user.key(), () -> send(HttpMethod.POST, "/v2/schedules", example, SCHEDULES));

        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("success");
        JsonNode schedule = created.data();
        int id = schedule.get("id").asInt();
        JsonNode expected = json.readTree("""
                {"id": %d, "ownerId": %d, "name": "Catch up hours", "timeZone": "Europe/Rome",
                 "availability": [{"days": ["Monday", "Tuesday"], "startTime": "17:00", "endTime": "19:00"},
                                  {"days": ["Wednesday", "Thursday"], "startTime": "16:00", "endTime": "20:00"}],
                 "isDefault": true,
                 "overrides": [{"date": "2024-05-20", "startTime": "18:00", "endTime": "21:00"}]}"""
                .formatted(id, user.id()));
        assertThat(schedule).isEqualTo(expected);
        assertThat(awaitFoundAs(user, "/v2/schedules/" + id)).isEqualTo(expected);
    }

    /** cal.com's e2e test of schedules 2024-06-11: no availability means Monday to Friday, 09:00 to 17:00. */
    @Test
    void cals_e2e_schedule_gets_the_default_hours_and_is_updated_and_deleted_as_cal_answers() {
        Member user = newMember("rome", "example.com");
        Response created = as(user.key(), () -> send(HttpMethod.POST, "/v2/schedules", """
                {"name": "schedules-2024-06-11-work", "timeZone": "Europe/Rome", "isDefault": true}""", SCHEDULES));

        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        JsonNode schedule = created.data();
        int id = schedule.get("id").asInt();
        assertThat(schedule.get("ownerId").asInt()).isEqualTo(user.id());
        assertThat(schedule.get("isDefault").asBoolean()).isTrue();
        assertThat(schedule.get("availability").toString()).isEqualTo("""
                [{"days":["Monday","Tuesday","Wednesday","Thursday","Friday"],"startTime":"09:00","endTime":"17:00"}]""");
        assertThat(schedule.get("overrides").toString()).isEqualTo("[]");
        awaitFoundAs(user, "/v2/schedules/" + id);
        assertThat(as(user.key(), () -> send(HttpMethod.GET, "/v2/schedules/default", null, SCHEDULES)).data()
                .get("id").asInt()).isEqualTo(id);
        assertThat(as(user.key(), () -> get("/v2/me")).data().get("defaultScheduleId").asInt()).isEqualTo(id);

        Response renamed = as(user.key(), () -> send(HttpMethod.PATCH, "/v2/schedules/" + id,
                "{\"name\": \"updated-schedule-name\"}", SCHEDULES));
        assertThat(renamed.status().value()).as(renamed.body().toString()).isEqualTo(200);
        assertThat(renamed.data().get("name").asText()).isEqualTo("updated-schedule-name");
        assertThat(renamed.data().get("availability")).isEqualTo(schedule.get("availability"));
        assertThat(renamed.data().get("isDefault").asBoolean()).isTrue();

        Response second = as(user.key(), () -> send(HttpMethod.POST, "/v2/schedules", """
                {"name": "second", "timeZone": "Europe/Rome", "isDefault": false, "availability": []}""", SCHEDULES));
        assertThat(second.data().get("isDefault").asBoolean()).isFalse();
        assertThat(second.data().get("availability").toString()).isEqualTo("[]");
        Response deleted = as(user.key(), () -> send(HttpMethod.DELETE, "/v2/schedules/"
                + second.data().get("id").asInt(), null, SCHEDULES));
        assertThat(deleted.status().value()).isEqualTo(200);
        assertThat(deleted.body().toString()).isEqualTo("{\"status\":\"success\"}");
    }

    @Test
    void a_user_without_a_schedule_has_a_null_default_schedule_as_in_cal() {
        Member user = newMember("noschedule", "example.com");
        Response answer = as(user.key(), () -> send(HttpMethod.GET, "/v2/schedules/default", null, SCHEDULES));
        assertThat(answer.status().value()).isEqualTo(200);
        assertThat(answer.data().isNull()).isTrue();
    }

    @Test
    void days_are_spelled_as_cal_spells_them() {
        Member user = newMember("shouting", "example.com");
        Response refused = as(user.key(), () -> post("/v2/schedules", """
                {"name": "Loud", "timeZone": "UTC", "isDefault": true,
                 "availability": [{"days": ["MONDAY"], "startTime": "09:00", "endTime": "17:00"}]}"""));
        assertThat(refused.status().value()).isEqualTo(400);
        Response badTime = as(user.key(), () -> post("/v2/schedules", """
                {"name": "Early", "timeZone": "UTC", "isDefault": true,
                 "availability": [{"days": ["Monday"], "startTime": "9:00", "endTime": "17:00"}]}"""));
        assertThat(badTime.status().value()).isEqualTo(400);
        assertThat(as(user.key(), () -> get("/v2/schedules")).data()).isEmpty();
    }

    @Test
    void another_cal_api_version_is_refused_with_a_problem_and_changes_nothing() {
        Member user = newMember("oldclient", "example.com");
        Response refused = as(user.key(), () -> send(HttpMethod.POST, "/v2/schedules", """
                {"name": "Old", "timeZone": "UTC", "isDefault": true}""", Map.of("cal-api-version", "2024-04-15")));

        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().toString()).contains("cal-api-version").contains("2024-06-11");
        assertThat(as(user.key(), () -> get("/v2/schedules")).data()).isEmpty();
        for (String path : new String[] {"/v2/bookings", "/v2/event-types", "/v2/schedules",
                "/v2/slots?eventTypeId=1&start=2086-01-01&end=2086-01-02"}) {
            Response answer = as(user.key(), () -> send(HttpMethod.GET, path, null,
                    Map.of("cal-api-version", "2099-01-01")));
            assertThat(answer.status().value()).as(path).isEqualTo(400);
        }
        assertThat(as(user.key(), () -> send(HttpMethod.GET, "/v2/bookings", null,
                Map.of("cal-api-version", "2024-08-13"))).status().value()).isEqualTo(200);
        assertThat(as(user.key(), () -> send(HttpMethod.GET, "/v2/event-types", null,
                Map.of("cal-api-version", "2024-06-14"))).status().value()).isEqualTo(200);
    }

    /** The example of cal.com's API docs for CreateEventTypeInput_2024_06_14. */
    @Test
    void cals_documented_event_type_example_is_created_and_answered_as_cal_documents() {
        Member user = newMember("masterchief", "example.com");
        Response created = as(user.key(), () -> send(HttpMethod.POST, "/v2/event-types", """
                {"lengthInMinutes": 60, "title": "Learn the secrets of masterchief!",
                 "slug": "learn-the-secrets-of-masterchief",
                 "description": "Discover the culinary wonders of the Argentina by making the best flan ever!"}""",
                EVENT_TYPES));

        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("success");
        JsonNode eventType = created.data();
        assertThat(eventType.get("ownerId").asInt()).isEqualTo(user.id());
        assertThat(eventType.get("lengthInMinutes").asInt()).isEqualTo(60);
        assertThat(eventType.get("title").asText()).isEqualTo("Learn the secrets of masterchief!");
        assertThat(eventType.get("slug").asText()).isEqualTo("learn-the-secrets-of-masterchief");
        assertThat(eventType.get("description").asText())
                .isEqualTo("Discover the culinary wonders of the Argentina by making the best flan ever!");
        assertThat(eventType.get("locations").toString()).isEqualTo("[]");
        assertThat(eventType.get("disableGuests").asBoolean()).isFalse();
        assertThat(eventType.get("isInstantEvent").asBoolean()).isFalse();
        assertThat(eventType.get("price").asInt()).isZero();
        assertThat(eventType.get("currency").asText()).isEqualTo("usd");
        assertThat(eventType.get("minimumBookingNotice").asInt()).isEqualTo(120);
        assertThat(eventType.get("disableCancelling").toString()).isEqualTo("{\"disabled\":false}");
        assertThat(awaitFoundAs(user, "/v2/event-types/" + eventType.get("id").asInt()))
                .as("the read side shows what the command answered").isEqualTo(eventType);

        Response deleted = as(user.key(), () -> send(HttpMethod.DELETE, "/v2/event-types/"
                + eventType.get("id").asInt(), null, EVENT_TYPES));
        assertThat(deleted.status().value()).isEqualTo(200);
        assertThat(deleted.data().toString()).isEqualTo(("{\"id\":%d,\"lengthInMinutes\":60,"
                + "\"slug\":\"learn-the-secrets-of-masterchief\",\"title\":\"Learn the secrets of masterchief!\"}")
                .formatted(eventType.get("id").asInt()));
    }

    /** cal.com's e2e test "should create an event type" (event types 2024-06-14), with its body as it is. */
    @Test
    void cals_e2e_event_type_body_is_accepted_and_its_settings_answered_as_cal_answers() throws Exception {
        Member user = newMember("coder", "example.com");
        int scheduleId = as(user.key(), () -> send(HttpMethod.POST, "/v2/schedules", """
                {"name": "work", "timeZone": "Europe/Rome", "isDefault": true}""", SCHEDULES)).data().get("id").asInt();
        String body = """
                {"title": "Coding class", "slug": "coding-class", "description": "Let's learn how to code like a pro.",
                 "lengthInMinutes": 60, "lengthInMinutesOptions": [30, 60, 90],
                 "locations": [{"type": "integration", "integration": "cal-video"}, {"type": "attendeePhone"},
                               {"type": "attendeeAddress"}, {"type": "attendeeDefined"}],
                 "bookingFields": [
                   {"type": "name", "label": "Your name sir / madam", "placeholder": "john doe", "disableOnPrefill": false},
                   {"type": "select", "label": "select which language you want to learn", "slug": "select-language",
                    "required": true, "placeholder": "select language", "options": ["javascript", "python", "cobol"],
                    "disableOnPrefill": true, "hidden": false},
                   {"type": "url", "label": "Video Url", "slug": "video-url", "required": true,
                    "placeholder": "add video url", "disableOnPrefill": true, "hidden": false}],
                 "scheduleId": %d,
                 "bookingLimitsCount": {"day": 2, "week": 5},
                 "onlyShowFirstAvailableSlot": true,
                 "bookingLimitsDuration": {"day": 60, "week": 100},
                 "offsetStart": 30,
                 "bookingWindow": {"type": "calendarDays", "value": 30, "rolling": true},
                 "bookerLayouts": {"enabledLayouts": ["column", "month", "week"], "defaultLayout": "month"},
                 "confirmationPolicy": {"type": "time", "noticeThreshold": {"count": 60, "unit": "minutes"},
                                        "blockUnconfirmedBookingsInBooker": true},
                 "recurrence": {"frequency": "weekly", "interval": 2, "occurrences": 10, "disabled": false},
                 "requiresBookerEmailVerification": false, "hideCalendarNotes": false,
                 "hideCalendarEventDetails": false, "hideOrganizerEmail": false,
                 "lockTimeZoneToggleOnBookingPage": true,
                 "color": {"darkThemeHex": "#292929", "lightThemeHex": "#fafafa"},
                 "customName": "{Event type title} between {Organiser} and {Scheduler}",
                 "bookingRequiresAuthentication": true,
                 "disableCancelling": {"disabled": true}, "disableRescheduling": {"disabled": true},
                 "calVideoSettings": {"sendTranscriptionEmails": true}, "interfaceLanguage": "en",
                 "allowReschedulingPastBookings": true, "allowReschedulingCancelledBookings": true,
                 "showOptimizedSlots": true}""".formatted(scheduleId);
        JsonNode sent = json.readTree(body);

        Response created = as(user.key(), () -> send(HttpMethod.POST, "/v2/event-types", body, EVENT_TYPES));

        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        JsonNode eventType = created.data();
        for (String same : List.of("title", "description", "lengthInMinutes", "lengthInMinutesOptions", "locations",
                "scheduleId", "bookingLimitsCount", "onlyShowFirstAvailableSlot", "bookingLimitsDuration",
                "offsetStart", "bookingWindow", "bookerLayouts", "confirmationPolicy", "recurrence", "customName",
                "requiresBookerEmailVerification", "hideCalendarNotes", "hideCalendarEventDetails",
                "hideOrganizerEmail", "lockTimeZoneToggleOnBookingPage", "color", "disableCancelling",
                "disableRescheduling", "interfaceLanguage", "allowReschedulingPastBookings",
                "allowReschedulingCancelledBookings")) {
            assertThat(eventType.get(same)).as(same).isEqualTo(sent.get(same));
        }
        assertThat(eventType.get("ownerId").asInt()).isEqualTo(user.id());
        assertThat(eventType.get("disableGuests").asBoolean()).isFalse();
        assertThat(eventType.get("bookingFields")).isEqualTo(json.readTree("""
                [{"type": "name", "slug": "name", "label": "Your name sir / madam", "required": true,
                  "placeholder": "john doe", "hidden": false, "disableOnPrefill": false, "isDefault": true},
                 {"type": "select", "label": "select which language you want to learn", "slug": "select-language",
                  "required": true, "placeholder": "select language", "options": ["javascript", "python", "cobol"],
                  "disableOnPrefill": true, "hidden": false, "isDefault": false},
                 {"type": "url", "label": "Video Url", "slug": "video-url", "required": true,
                  "placeholder": "add video url", "disableOnPrefill": true, "hidden": false, "isDefault": false}]"""));
        int id = eventType.get("id").asInt();
        assertThat(awaitFoundAs(user, "/v2/event-types/" + id)).isEqualTo(eventType);

        Response changed = as(user.key(), () -> send(HttpMethod.PATCH, "/v2/event-types/" + id, """
                {"title": "Coding class 2", "seats": {"seatsPerTimeSlot": 4, "showAttendeeInfo": true,
                 "showAvailabilityCount": false}, "confirmationPolicy": {"disabled": true}}""", EVENT_TYPES));
        assertThat(changed.status().value()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.data().get("title").asText()).isEqualTo("Coding class 2");
        assertThat(changed.data().get("seats").toString())
                .isEqualTo("{\"seatsPerTimeSlot\":4,\"showAttendeeInfo\":true,\"showAvailabilityCount\":false}");
        assertThat(changed.data().get("confirmationPolicy").isNull()).isTrue();
        assertThat(changed.data().get("lengthInMinutesOptions")).as("metadata kept").isEqualTo(sent.get("lengthInMinutesOptions"));
        assertThat(changed.data().get("bookerLayouts")).isEqualTo(sent.get("bookerLayouts"));
    }

    @Test
    void an_event_type_location_that_is_not_cals_is_refused_naming_the_field() {
        Member user = newMember("nowhere", "example.com");
        Response refused = as(user.key(), () -> send(HttpMethod.POST, "/v2/event-types", """
                {"lengthInMinutes": 30, "title": "Nowhere", "slug": "nowhere",
                 "locations": [{"type": "address"}]}""", EVENT_TYPES));
        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("locations[0].address");
        assertThat(as(user.key(), () -> get("/v2/event-types")).data()).isEmpty();
    }

    /** cal.com's e2e test "should create a booking" (bookings 2024-08-13), with its body as it is. */
    @Test
    void cals_e2e_booking_body_is_booked_and_answered_as_cal_answers() {
        Member host = newMember("proper-host", "example.com");
        as(host.key(), () -> send(HttpMethod.POST, "/v2/schedules", """
                {"name": "work", "timeZone": "Europe/Rome", "isDefault": true}""", SCHEDULES));
        JsonNode eventType = as(host.key(), () -> send(HttpMethod.POST, "/v2/event-types", """
                {"lengthInMinutes": 60, "title": "Peer coding", "slug": "peer-coding"}""", EVENT_TYPES)).data();
        int eventTypeId = eventType.get("id").asInt();
        String body = """
                {"start": "2086-01-08T13:00:00.000Z", "eventTypeId": %d,
                 "attendee": {"name": "Mr Proper", "email": "mr_proper@gmail.com", "timeZone": "Europe/Rome",
                              "language": "it"},
                 "location": "https://meet.google.com/abc-def-ghi",
                 "bookingFieldsResponses": {"customField": "customValue"},
                 "metadata": {"userId": "100"},
                 "guests": ["bob@gmail.com"]}""".formatted(eventTypeId);
        Member booker = newMember("proper", "example.com");

        Instant before = Instant.now().minusSeconds(1);
        Response booked = as(booker.key(), () -> send(HttpMethod.POST, "/v2/bookings", body, BOOKINGS));

        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        assertThat(booked.body().get("status").asText()).isEqualTo("success");
        JsonNode data = booked.data();
        assertThat(data.get("hosts").get(0).get("id").asInt()).isEqualTo(host.id());
        assertThat(data.get("hosts").get(0).get("email").asText()).isEqualTo(host.email());
        assertThat(data.get("hosts").get(0).get("displayEmail").asText()).isEqualTo(host.email());
        assertThat(data.get("status").asText()).isEqualTo("accepted");
        assertThat(Instant.parse(data.get("start").asText())).isEqualTo(Instant.parse("2086-01-08T13:00:00.000Z"));
        assertThat(Instant.parse(data.get("end").asText())).isEqualTo(Instant.parse("2086-01-08T14:00:00.000Z"));
        assertThat(data.get("duration").asInt()).isEqualTo(60);
        assertThat(data.get("eventTypeId").asInt()).isEqualTo(eventTypeId);
        assertThat(data.get("eventType").toString())
                .isEqualTo("{\"id\":%d,\"slug\":\"peer-coding\"}".formatted(eventTypeId));
        JsonNode attendee = data.get("attendees").get(0);
        assertThat(attendee.get("name").asText()).isEqualTo("Mr Proper");
        assertThat(attendee.get("email").asText()).isEqualTo("mr_proper@gmail.com");
        assertThat(attendee.get("displayEmail").asText()).isEqualTo("mr_proper@gmail.com");
        assertThat(attendee.get("timeZone").asText()).isEqualTo("Europe/Rome");
        assertThat(attendee.get("language").asText()).isEqualTo("it");
        assertThat(attendee.get("absent").asBoolean()).isFalse();
        assertThat(data.get("location").asText()).isEqualTo("https://meet.google.com/abc-def-ghi");
        assertThat(data.get("meetingUrl").asText()).isEqualTo("https://meet.google.com/abc-def-ghi");
        assertThat(data.get("absentHost").asBoolean()).isFalse();
        assertThat(data.get("bookingFieldsResponses").get("customField").asText()).isEqualTo("customValue");
        assertThat(data.get("guests").toString()).isEqualTo("[\"bob@gmail.com\"]");
        assertThat(data.get("metadata").toString()).isEqualTo("{\"userId\":\"100\"}");
        assertThat(Instant.parse(data.get("createdAt").asText())).isAfter(before);

        String username = as(host.key(), () -> get("/v2/me")).data().get("username").asText();
        Response bySlug = as(booker.key(), () -> send(HttpMethod.POST, "/v2/bookings", """
                {"start": "2086-01-08T15:00:00.000Z", "eventTypeSlug": "peer-coding", "username": "%s",
                 "attendee": {"name": "Mr Proper", "email": "mr_proper@gmail.com", "timeZone": "Europe/Rome"}}"""
                .formatted(username), BOOKINGS));
        assertThat(bySlug.status().value()).as(bySlug.body().toString()).isEqualTo(201);
        assertThat(bySlug.data().get("eventTypeId").asInt()).isEqualTo(eventTypeId);
        Response unknown = as(booker.key(), () -> send(HttpMethod.POST, "/v2/bookings", """
                {"start": "2086-01-08T15:00:00.000Z", "eventTypeSlug": "no-such-event", "username": "%s",
                 "attendee": {"name": "Mr Proper", "email": "mr_proper@gmail.com", "timeZone": "Europe/Rome"}}"""
                .formatted(username), BOOKINGS));
        assertThat(unknown.status().value()).isEqualTo(404);
    }

    /** cal.com's slots (2024-09-04) and booking lifecycle (2024-08-13) requests, as its clients send them. */
    @Test
    void slots_reservations_reschedule_and_cancel_take_cals_requests_and_answer_as_cal() {
        Member host = newMember("slot-host", "example.com");
        as(host.key(), () -> send(HttpMethod.POST, "/v2/schedules", """
                {"name": "work", "timeZone": "Europe/Rome", "isDefault": true}""", SCHEDULES));
        int eventTypeId = as(host.key(), () -> send(HttpMethod.POST, "/v2/event-types", """
                {"lengthInMinutes": 30, "title": "Chat", "slug": "chat"}""", EVENT_TYPES)).data().get("id").asInt();
        Map<String, String> slotsVersion = Map.of("cal-api-version", "2024-09-04");
        String query = "/v2/slots?eventTypeId=%d&start=2086-01-08&end=2086-01-08&timeZone=Europe/Rome"
                .formatted(eventTypeId);
        Response times = as(host.key(), () -> send(HttpMethod.GET, query, null, slotsVersion));
        assertThat(times.status().value()).as(times.body().toString()).isEqualTo(200);
        assertThat(times.data().get("2086-01-08").get(0).toString())
                .isEqualTo("{\"start\":\"2086-01-08T09:00:00.000+01:00\"}");
        Response ranges = as(host.key(), () -> send(HttpMethod.GET, query + "&format=range", null, slotsVersion));
        assertThat(ranges.data().get("2086-01-08").get(0).toString()).isEqualTo(
                "{\"start\":\"2086-01-08T09:00:00.000+01:00\",\"end\":\"2086-01-08T09:30:00.000+01:00\"}");
        assertThat(ranges.data().get("2086-01-08")).hasSize(16);

        Member booker = newMember("slot-booker", "example.com");
        Response held = as(booker.key(), () -> send(HttpMethod.POST, "/v2/slots/reservations", """
                {"eventTypeId": %d, "slotStart": "2086-01-08T08:00:00.000Z", "slotDuration": 30,
                 "reservationDuration": 5}""".formatted(eventTypeId), slotsVersion));
        assertThat(held.status().value()).as(held.body().toString()).isEqualTo(201);
        assertThat(held.data().get("slotDuration").asInt()).isEqualTo(30);
        assertThat(held.data().get("reservationDuration").asInt()).isEqualTo(5);
        String reservationUid = held.data().get("reservationUid").asText();
        Response released = as(booker.key(), () -> send(HttpMethod.DELETE, "/v2/slots/reservations/" + reservationUid,
                null, slotsVersion));
        assertThat(released.status().value()).isEqualTo(200);
        assertThat(released.body().toString()).isEqualTo("{\"status\":\"success\"}");

        String uid = as(booker.key(), () -> send(HttpMethod.POST, "/v2/bookings", """
                {"start": "2086-01-08T08:00:00.000Z", "eventTypeId": %d,
                 "attendee": {"name": "Slot Booker", "email": "%s", "timeZone": "Europe/Rome"}}"""
                .formatted(eventTypeId, booker.email()), BOOKINGS)).data().get("uid").asText();
        Response moved = as(booker.key(), () -> send(HttpMethod.POST, "/v2/bookings/" + uid + "/reschedule", """
                {"start": "2086-01-08T10:00:00.000Z", "rescheduledBy": "%s",
                 "reschedulingReason": "User requested reschedule"}""".formatted(booker.email()), BOOKINGS));
        assertThat(moved.status().value()).as(moved.body().toString()).isEqualTo(201);
        assertThat(moved.data().get("reschedulingReason").asText()).isEqualTo("User requested reschedule");
        assertThat(moved.data().get("rescheduledFromUid").asText()).isEqualTo(uid);
        String newUid = moved.data().get("uid").asText();
        Response cancelled = as(booker.key(), () -> send(HttpMethod.POST, "/v2/bookings/" + newUid + "/cancel", """
                {"cancellationReason": "User requested cancellation", "cancelSubsequentBookings": false}""",
                BOOKINGS));
        assertThat(cancelled.status().value()).as(cancelled.body().toString()).isEqualTo(200);
        assertThat(cancelled.data().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.data().get("cancellationReason").asText()).isEqualTo("User requested cancellation");
    }

    private JsonNode awaitFoundAs(Member user, String path) {
        return as(user.key(), () -> awaitFound(path)).data();
    }
}
