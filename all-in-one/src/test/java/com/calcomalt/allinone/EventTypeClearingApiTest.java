package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A PATCH tells a field left out (as it is) from a field sent as null (cleared, or for a setting
 * object turned off as cal.com's {"disabled": true} does), and cal.com's booking window variants.
 */
class EventTypeClearingApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private static final String EVERY_SETTING = """
            "description": "Long form", "slotInterval": 15, "customName": "{Event type title} with {Scheduler}",
            "successRedirectUrl": "https://example.com/thanks", "interfaceLanguage": "de",
            "color": {"lightThemeHex": "#292929", "darkThemeHex": "#fafafa"},
            "bookingWindow": {"type": "calendarDays", "value": 30, "rolling": true},
            "bookerActiveBookingsLimit": {"maximumActiveBookings": 2},
            "bookingLimitsCount": {"day": 3}, "minimumBookingNotice": 60""";

    private int eventType(Member host, String slug, String settings) {
        int schedule = as(host.key(), () -> post("/v2/schedules", """
                {"name": "Office", "timeZone": "UTC",
                 "availability": [{"days": ["Monday"], "startTime": "09:00", "endTime": "17:00"}]}"""))
                .data().get("id").asInt();
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Clearable", "slug": "%s", "lengthInMinutes": 30, "scheduleId": %d, %s}"""
                .formatted(slug, schedule, settings)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    private Map<String, Object> row(int eventTypeId) {
        awaitProjectionsCaughtUp();
        return jdbc.queryForMap("""
                select title, length, description, "slotInterval", "scheduleId", "eventName", "successRedirectUrl",
                       "interfaceLanguage", "eventTypeColor"::text as color, "periodType"::text as "periodType",
                       "periodDays", "periodCountCalendarDays", "maxActiveBookingsPerBooker",
                       "bookingLimits"::text as "bookingLimits", "minimumBookingNotice"
                from "EventType" where id = ?""", eventTypeId);
    }

    @Test
    void patching_settings_to_null_clears_their_columns_and_leaves_the_others_as_they_are() {
        Member host = newMember("clearing", "example.com");
        int eventTypeId = eventType(host, "clear-" + tag, EVERY_SETTING);
        Map<String, Object> before = row(eventTypeId);
        assertThat(before).doesNotContainValue(null);
        assertThat(before.get("periodType").toString()).isEqualToIgnoringCase("rolling_window");

        Response cleared = as(host.key(), () -> patch("/v2/event-types/" + eventTypeId, """
                {"description": null, "slotInterval": null, "scheduleId": null, "customName": null,
                 "successRedirectUrl": null, "interfaceLanguage": null, "color": null, "bookingWindow": null,
                 "bookerActiveBookingsLimit": null, "bookingLimitsCount": null}"""));

        assertThat(cleared.status().value()).as(cleared.body().toString()).isEqualTo(200);
        Map<String, Object> after = row(eventTypeId);
        assertThat(after).containsEntry("description", null).containsEntry("slotInterval", null)
                .containsEntry("scheduleId", null).containsEntry("eventName", null)
                .containsEntry("successRedirectUrl", null).containsEntry("interfaceLanguage", null)
                .containsEntry("color", null).containsEntry("periodDays", null)
                .containsEntry("periodCountCalendarDays", null).containsEntry("maxActiveBookingsPerBooker", null)
                .containsEntry("bookingLimits", "{}")
                .containsEntry("title", "Clearable").containsEntry("length", 30)
                .containsEntry("minimumBookingNotice", 60);
        assertThat(after.get("periodType").toString()).isEqualToIgnoringCase("unlimited");
        assertThat(cleared.data().hasNonNull("bookingWindow")).as(cleared.body().toString()).isFalse();
        assertThat(cleared.data().hasNonNull("description")).isFalse();
        assertThat(cleared.data().hasNonNull("bookerActiveBookingsLimit")).isFalse();
    }

    @Test
    void a_field_left_out_stays_and_disabled_true_lifts_the_booking_window_as_null_does() {
        Member host = newMember("keeping", "example.com");
        int eventTypeId = eventType(host, "keep-" + tag, EVERY_SETTING);
        Map<String, Object> before = row(eventTypeId);

        Response renamed = as(host.key(), () -> patch("/v2/event-types/" + eventTypeId, "{\"title\": \"Renamed\"}"));
        assertThat(renamed.status().value()).as(renamed.body().toString()).isEqualTo(200);
        Map<String, Object> kept = row(eventTypeId);
        assertThat(kept).containsEntry("title", "Renamed");
        kept.remove("title");
        before.remove("title");
        assertThat(kept).isEqualTo(before);

        Response lifted = as(host.key(), () -> patch("/v2/event-types/" + eventTypeId,
                "{\"bookingWindow\": {\"disabled\": true}, \"bookerActiveBookingsLimit\": {\"disabled\": true}}"));
        assertThat(lifted.status().value()).as(lifted.body().toString()).isEqualTo(200);
        Map<String, Object> after = row(eventTypeId);
        assertThat(after.get("periodType").toString()).isEqualToIgnoringCase("unlimited");
        assertThat(after).containsEntry("periodDays", null).containsEntry("maxActiveBookingsPerBooker", null)
                .containsEntry("description", "Long form").containsEntry("slotInterval", 15);
    }

    @Test
    void each_booking_window_variant_reads_back_as_cal_com_shows_it_and_an_unknown_type_is_refused() {
        Member host = newMember("windows", "example.com");
        int eventTypeId = eventType(host, "window-" + tag,
                "\"bookingWindow\": {\"type\": \"businessDays\", \"value\": 5}");
        assertThat(as(host.key(), () -> get("/v2/event-types/" + eventTypeId)).data().get("bookingWindow"))
                .isEqualTo(json("{\"type\": \"businessDays\", \"value\": 5, \"rolling\": false}"));

        Response range = as(host.key(), () -> patch("/v2/event-types/" + eventTypeId,
                "{\"bookingWindow\": {\"type\": \"range\", \"value\": [\"2030-09-05\", \"2030-09-09\"]}}"));
        assertThat(range.status().value()).as(range.body().toString()).isEqualTo(200);
        assertThat(range.data().get("bookingWindow"))
                .isEqualTo(json("{\"type\": \"range\", \"value\": [\"2030-09-05\", \"2030-09-09\"]}"));

        long events = storedEvents();
        for (String refused : new String[] {"{\"type\": \"weeks\", \"value\": 3}", "{\"type\": \"calendarDays\"}",
                "{\"type\": \"range\", \"value\": [\"2030-09-05\"]}", "{\"type\": \"businessDays\", \"value\": 0}",
                "{\"disabled\": false}"}) {
            Response response = as(host.key(), () -> patch("/v2/event-types/" + eventTypeId,
                    "{\"bookingWindow\": " + refused + "}"));
            assertThat(response.status().value()).as(refused + " " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
        }
        Response limit = as(host.key(), () -> patch("/v2/event-types/" + eventTypeId,
                "{\"bookingLimitsCount\": {\"day\": 0}}"));
        assertThat(limit.status().value()).as("a nullable field's object is still validated " + limit.body())
                .isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(events);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
