package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A booking never paid expires after the configured time (30 minutes), and its slot can be booked
 * again. The application's clock books it 29 minutes 50 seconds ago, so it expires ten seconds
 * later: time enough to see that it holds its slot meanwhile.
 */
class UnpaidBookingApiTest extends ApiTest {

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void an_unpaid_booking_expires_and_its_slot_can_be_booked_again() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Member host = newMember("unpaid-host", "example.com");
        Member booker = newMember("unpaid-booker", "example.com");
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Office", "timeZone": "UTC",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Paid call", "slug": "unpaid-%s", "lengthInMinutes": 30,
                 "metadata": {"apps": {"stripe": {"price": 900, "currency": "usd", "enabled": true}}}}"""
                .formatted(tag)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        String booking = """
                {"start": "2094-12-07T10:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "ada-%s@example.com", "timeZone": "UTC"}}"""
                .formatted(created.data().get("id").asInt(), tag);

        clock.moveBy(Duration.ofMinutes(-30).plusSeconds(10));
        Response first = as(booker.key(), () -> post("/v2/bookings", booking));
        clock.reset();
        assertThat(first.status().value()).as(first.body().toString()).isEqualTo(201);
        String uid = first.data().get("uid").asText();
        assertThat(as(booker.key(), () -> post("/v2/bookings", booking)).status().value()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response shown = as(host.key(), () -> get("/v2/bookings/" + uid));
            return shown.status().value() == 200 && "cancelled".equals(shown.data().get("status").asText());
        });
        Response again = as(booker.key(), () -> post("/v2/bookings", booking));
        assertThat(again.status().value()).as(again.body().toString()).isEqualTo(201);
        assertThat(again.data().get("status").asText()).isEqualTo("pending");
    }
}
