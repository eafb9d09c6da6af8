package com.calcomalt.rules.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.scheduling.RefundPolicy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTypePaymentTest {

    private static Map<String, Object> stripe(Object... namesAndValues) {
        Map<String, Object> app = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            app.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Map.of("apps", Map.of("stripe", app));
    }

    @Test
    void an_event_type_without_the_stripe_app_asks_no_payment() {
        assertThat(EventTypePayment.of(null)).isEmpty();
        assertThat(EventTypePayment.of(Map.of("apps", Map.of("giphy", Map.of())))).isEmpty();
    }

    @Test
    void the_stripe_app_gives_price_currency_option_and_refund_policy_with_cal_coms_defaults() {
        EventTypePayment payment = EventTypePayment.of(stripe("price", 2500, "currency", "USD", "enabled", true))
                .orElseThrow();
        assertThat(payment).isEqualTo(new EventTypePayment("stripe", 2500, "usd", PaymentOption.ON_BOOKING, true,
                RefundPolicy.NEVER, null));
        assertThat(EventTypePayment.of(stripe("price", 900, "currency", "jpy", "paymentOption", "HOLD", "enabled",
                true, "refundPolicy", "days", "refundDaysCount", 3)).orElseThrow())
                .isEqualTo(new EventTypePayment("stripe", 900, "jpy", PaymentOption.HOLD, true, RefundPolicy.DAYS, 3));
    }

    @Test
    void only_an_enabled_app_with_a_price_above_zero_makes_bookings_pay() {
        assertThat(EventTypePayment.required(stripe("price", 2500, "currency", "usd", "enabled", true))).isPresent();
        assertThat(EventTypePayment.required(stripe("price", 2500, "currency", "usd"))).isEmpty();
        assertThat(EventTypePayment.required(stripe("price", 0, "currency", "usd", "enabled", true))).isEmpty();
    }

    @Test
    void ill_formed_apps_are_refused_with_what_is_wrong() {
        assertThatThrownBy(() -> EventTypePayment.of(stripe("price", 10, "currency", "dollars")))
                .hasMessage("'dollars' is not an ISO 4217 currency code");
        assertThatThrownBy(() -> EventTypePayment.of(stripe("price", 10)))
                .hasMessage("metadata.apps.stripe.currency is an ISO 4217 code, such as usd");
        assertThatThrownBy(() -> EventTypePayment.of(stripe("price", 10.5, "currency", "usd")))
                .hasMessage("metadata.apps.stripe.price is a whole number of minor units, not 10.5");
        assertThatThrownBy(() -> EventTypePayment.of(stripe("price", 100_000_000, "currency", "usd")))
                .hasMessage("metadata.apps.stripe.price is 0 to 99999999 minor units, not 100000000");
        assertThatThrownBy(() -> EventTypePayment.of(stripe("price", 10, "currency", "usd", "refundPolicy", "sometimes")))
                .hasMessage("A refund policy is never, always or days, not 'sometimes'");
        assertThatThrownBy(() -> EventTypePayment.of(stripe("price", 10, "currency", "usd", "refundPolicy", "days")))
                .hasMessage("A refund policy of days names refundDaysCount");
        assertThatThrownBy(() -> EventTypePayment.of(stripe("price", 10, "currency", "usd", "enabled", "yes")))
                .hasMessage("metadata.apps.stripe.enabled is true or false, not yes");
    }
}
