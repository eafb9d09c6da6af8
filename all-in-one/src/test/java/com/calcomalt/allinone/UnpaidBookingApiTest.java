package com.calcomalt.allinone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.stripe.Stripe;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A booking never paid expires after the configured time, and its slot can be booked again. */
class UnpaidBookingApiTest extends ApiTest {

    private static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());

    static {
        STRIPE.start();
        STRIPE.stubFor(WireMock.post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "pi_unpaid", "object": "payment_intent", "amount": 900, "currency": "usd",
                         "client_secret": "pi_unpaid_secret_test", "status": "requires_payment_method",
                         "livemode": false, "metadata": {}}""")));
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry properties) {
        properties.add("calalt.stripe.secret-key", () -> "sk_test_calalt");
        properties.add("calalt.stripe.webhook-secret", () -> "whsec_unpaid");
        properties.add("calalt.stripe.api-base", STRIPE::baseUrl);
        properties.add("calalt.payments.unpaid-booking-expiry", () -> "3s");
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.stop();
        Stripe.overrideApiBase(Stripe.LIVE_API_BASE);
    }

    @Test
    void an_unpaid_booking_expires_and_its_slot_can_be_booked_again() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Member host = newMember("unpaid-host", "example.com");
        Member booker = newMember("unpaid-booker", "example.com");
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Office", "timeZone": "UTC",
                 "availability": [{"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Paid call", "slug": "unpaid-%s", "lengthInMinutes": 30,
                 "metadata": {"apps": {"stripe": {"price": 900, "currency": "usd", "enabled": true}}}}"""
                .formatted(tag)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        String booking = """
                {"start": "2027-12-07T10:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "ada-%s@example.com", "timeZone": "UTC"}}"""
                .formatted(created.data().get("id").asInt(), tag);

        Response first = as(booker.key(), () -> post("/v2/bookings", booking));
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
