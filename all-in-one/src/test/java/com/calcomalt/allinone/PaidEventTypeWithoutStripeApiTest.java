package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The application as configured by default, without Stripe's keys. */
class PaidEventTypeWithoutStripeApiTest extends ApiTest {

    @Test
    void a_paid_event_type_is_refused_with_422_while_stripe_is_not_configured() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Member host = newMember("unconfigured", "example.com");
        Response refused = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Paid call", "slug": "paid-%s", "lengthInMinutes": 30,
                 "metadata": {"apps": {"stripe": {"price": 5000, "currency": "eur", "enabled": true}}}}"""
                .formatted(tag)));
        assertThat(refused.status().value()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("CALALT_STRIPE_SECRET_KEY");

        Response free = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Free call", "slug": "free-%s", "lengthInMinutes": 30,
                 "metadata": {"apps": {"stripe": {"price": 5000, "currency": "eur", "enabled": false}}}}"""
                .formatted(tag)));
        assertThat(free.status().value()).as(free.body().toString()).isEqualTo(201);
        int eventTypeId = free.data().get("id").asInt();
        Response madePaid = as(host.key(), () -> patch("/v2/event-types/" + eventTypeId, """
                {"metadata": {"apps": {"stripe": {"price": 5000, "currency": "eur", "enabled": true}}}}"""));
        assertThat(madePaid.status().value()).as(madePaid.body().toString()).isEqualTo(422);
    }
}
