package com.calcomalt.command.payments;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The few Stripe calls a booking's payment takes, through stripe-java. Each carries an idempotency
 * key made from the booking or payment it is for, so a retried call answers the first call's result
 * and never charges or refunds twice. {@code calalt.stripe.api-base} points the client elsewhere
 * (tests run a fake of Stripe's API there): this context's own client, not stripe-java's global
 * settings, which every StripeClient of the JVM would share.
 */
@Component
class StripeGateway {

    private final String secretKey;
    private final String webhookSecret;
    /** Null without a key: paid event types are refused then, so nothing calls Stripe. */
    private final StripeClient client;

    StripeGateway(@Value("${calalt.stripe.secret-key:}") String secretKey,
                  @Value("${calalt.stripe.webhook-secret:}") String webhookSecret,
                  @Value("${calalt.stripe.api-base:}") String apiBase) {
        this.secretKey = secretKey;
        this.webhookSecret = webhookSecret;
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(secretKey);
        if (!apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        this.client = secretKey.isBlank() ? null : builder.build();
    }

    /** Both keys: without the webhook's secret no payment could ever be confirmed. */
    boolean configured() {
        return !secretKey.isBlank() && !webhookSecret.isBlank();
    }

    /** What Stripe made for the booker to pay with: its id, and the object as Stripe answered it. */
    record Intent(String id, Map<String, Object> data) {
    }

    /** ON_BOOKING: a PaymentIntent the booker confirms with its client secret. */
    Intent paymentIntent(String bookingUid, int amount, String currency) throws StripeException {
        PaymentIntent intent = client().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount((long) amount).setCurrency(currency)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true).build())
                .putMetadata("bookingUid", bookingUid).build(), options("payment-intent-" + bookingUid));
        return new Intent(intent.getId(), Map.of("id", intent.getId(), "object", "payment_intent",
                "client_secret", String.valueOf(intent.getClientSecret()), "amount", amount, "currency", currency,
                "status", String.valueOf(intent.getStatus())));
    }

    /**
     * HOLD: a SetupIntent that saves the booker's card, charged only for a no-show. The card is kept
     * on a customer of its own and saved for use off session, as Stripe requires for a later charge.
     */
    Intent setupIntent(String bookingUid) throws StripeException {
        String customer = client().customers().create(CustomerCreateParams.builder()
                .putMetadata("bookingUid", bookingUid).build(), options("customer-" + bookingUid)).getId();
        SetupIntent intent = client().setupIntents().create(SetupIntentCreateParams.builder()
                .setCustomer(customer).setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                .putMetadata("bookingUid", bookingUid).build(), options("setup-intent-" + bookingUid));
        return new Intent(intent.getId(), Map.of("id", intent.getId(), "object", "setup_intent",
                "client_secret", String.valueOf(intent.getClientSecret()), "status", String.valueOf(intent.getStatus())));
    }

    /** The card a SetupIntent saved: the customer it is kept on and the payment method to charge. */
    record SavedCard(String customer, String paymentMethod) {
    }

    /**
     * Charges the card a SetupIntent saved, off session and confirmed at once, as cal.com charges a
     * no-show fee; answers the PaymentIntent's id. Its key makes a second charge the first one again.
     *
     * @param known the saved card as cal.com recorded it for an imported payment; null to ask Stripe's
     *              SetupIntent, which knows it once the booker confirmed it
     */
    String chargeHeld(String paymentUid, String setupIntentId, String bookingUid, int amount, String currency,
                      String account, SavedCard known) throws StripeException {
        SavedCard card = known;
        if (card == null) {
            SetupIntent saved = client().setupIntents().retrieve(setupIntentId, options(null, account));
            card = new SavedCard(saved.getCustomer(), saved.getPaymentMethod());
        }
        return client().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount((long) amount).setCurrency(currency).setCustomer(card.customer())
                .setPaymentMethod(card.paymentMethod()).setOffSession(true).setConfirm(true)
                .putMetadata("bookingUid", bookingUid).putMetadata("noShowFee", "true").build(),
                options("charge-" + paymentUid, account)).getId();
    }

    /**
     * Refunds all of a PaymentIntent; answers the refund's id. The first attempt's key is the
     * payment's; each attempt after a failure has its own, since Stripe answers a key's failure again.
     */
    String refund(String paymentUid, String paymentIntentId, int failuresBefore, String account)
            throws StripeException {
        return client().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentIntentId).build(),
                options("refund-" + paymentUid + (failuresBefore == 0 ? "" : "-retry-" + failuresBefore), account))
                .getId();
    }

    /** An intent that will not be paid: Stripe refuses a payment for it from now on. */
    void cancelPaymentIntent(String paymentUid, String paymentIntentId, String account) throws StripeException {
        client().paymentIntents().cancel(paymentIntentId, PaymentIntentCancelParams.builder()
                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build(),
                options("cancel-" + paymentUid, account));
    }

    private StripeClient client() {
        if (client == null) {
            throw new IllegalStateException("Stripe is not configured: CALALT_STRIPE_SECRET_KEY is not set");
        }
        return client;
    }

    private RequestOptions options(String idempotencyKey) {
        return options(idempotencyKey, null);
    }

    /**
     * @param account the connected account the intent was made on (a payment imported from cal.com, which
     *                charges on its hosts' accounts); null for this system's own account
     */
    private RequestOptions options(String idempotencyKey, String account) {
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder().setIdempotencyKey(idempotencyKey);
        if (account != null) {
            options.setStripeAccount(account);
        }
        return options.build();
    }
}
