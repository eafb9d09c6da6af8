package com.calcomalt.rules.scheduling;

import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.scheduling.RefundPolicy;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a paid event type charges, read where cal.com keeps it: the event type's
 * {@code metadata.apps.stripe} ({@code price} in the currency's minor units, {@code currency},
 * {@code paymentOption}, {@code enabled}, {@code refundPolicy} and {@code refundDaysCount}). An
 * event type is paid when the app is enabled and its price is above zero, as cal.com's
 * getPaymentAppData decides.
 *
 * @param price           in minor units (cents for USD)
 * @param currency        ISO 4217, in lower case as Stripe writes it
 * @param refundDaysCount how many days before the start a cancellation is still refunded, for {@link RefundPolicy#DAYS}
 */
public record EventTypePayment(String appId, int price, String currency, PaymentOption paymentOption, boolean enabled,
                               RefundPolicy refundPolicy, Integer refundDaysCount) {

    public static final String STRIPE = "stripe";

    /** The largest amount Stripe takes in one payment (99,999,999 minor units). */
    static final int MAX_PRICE = 99_999_999;

    /** The payment an event type's metadata asks for, empty when it asks none; an ill-formed one is refused. */
    public static Optional<EventTypePayment> of(Map<String, Object> metadata) {
        if (metadata == null || !(metadata.get("apps") instanceof Map<?, ?> apps)
                || !(apps.get(STRIPE) instanceof Map<?, ?> stripe)) {
            return Optional.empty();
        }
        return Optional.of(parse(stripe));
    }

    /** The payment a booking of the event type must make, empty when it is free. */
    public static Optional<EventTypePayment> required(Map<String, Object> metadata) {
        return of(metadata).filter(EventTypePayment::paid);
    }

    public boolean paid() {
        return enabled && price > 0;
    }

    private static EventTypePayment parse(Map<?, ?> stripe) {
        if (!(stripe.get("price") instanceof Number price) || price.doubleValue() != Math.floor(price.doubleValue())) {
            throw new IllegalArgumentException("metadata.apps.stripe.price is a whole number of minor units, not "
                    + stripe.get("price"));
        }
        if (price.longValue() < 0 || price.longValue() > MAX_PRICE) {
            throw new IllegalArgumentException("metadata.apps.stripe.price is 0 to " + MAX_PRICE + " minor units, not "
                    + price);
        }
        String currency = currency(stripe.get("currency"));
        PaymentOption option = PaymentOption.ON_BOOKING;
        if (stripe.get("paymentOption") != null) {
            try {
                option = PaymentOption.valueOf(String.valueOf(stripe.get("paymentOption")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("metadata.apps.stripe.paymentOption is ON_BOOKING or HOLD, not '"
                        + stripe.get("paymentOption") + "'");
            }
        }
        Object enabled = stripe.get("enabled");
        if (enabled != null && !(enabled instanceof Boolean)) {
            throw new IllegalArgumentException("metadata.apps.stripe.enabled is true or false, not " + enabled);
        }
        RefundPolicy policy = stripe.get("refundPolicy") == null ? RefundPolicy.NEVER
                : RefundPolicy.ofLabel(String.valueOf(stripe.get("refundPolicy")));
        Integer days = null;
        if (stripe.get("refundDaysCount") != null) {
            if (!(stripe.get("refundDaysCount") instanceof Number n) || n.intValue() < 0
                    || n.doubleValue() != n.intValue()) {
                throw new IllegalArgumentException("metadata.apps.stripe.refundDaysCount is a whole number of days, not "
                        + stripe.get("refundDaysCount"));
            }
            days = n.intValue();
        }
        if (policy == RefundPolicy.DAYS && days == null) {
            throw new IllegalArgumentException("A refund policy of days names refundDaysCount");
        }
        // cal.com's app card leaves enabled out until the host flips it; a price alone does not charge.
        return new EventTypePayment(STRIPE, price.intValue(), currency, option, Boolean.TRUE.equals(enabled), policy,
                days);
    }

    private static String currency(Object value) {
        if (!(value instanceof String code) || code.isBlank()) {
            throw new IllegalArgumentException("metadata.apps.stripe.currency is an ISO 4217 code, such as usd");
        }
        try {
            // Stripe and cal.com write currencies in lower case.
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
        }
    }
}
