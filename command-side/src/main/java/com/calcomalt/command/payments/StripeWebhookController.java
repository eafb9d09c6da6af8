package com.calcomalt.command.payments;

import com.calcomalt.contracts.payments.CancelPayment;
import com.calcomalt.contracts.payments.FailPayment;
import com.calcomalt.contracts.payments.SucceedPayment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Stripe's webhook. The body is trusted only once stripe-java verified its {@code Stripe-Signature}
 * (HMAC-SHA256 with the account endpoint's secret or the Connect endpoint's, within Stripe's default
 * five minutes of tolerance); a forged or stale one gets 400. An event names its booking by the
 * metadata its intent was made with, or, for an intent imported from cal.com (made on a connected
 * account, whose events say so), its payment by the intent's id and account; the same event sent
 * again changes nothing, since the payment takes each event id once.
 * Besides cal.com's two successes it takes the failures (the booker may try again) and the
 * cancellations of intents (the booking is cancelled then); events may come in any order.
 * An event about a payment not recorded yet answers 5xx, so Stripe sends it again later.
 */
@RestController
@Hidden // Stripe calls it with its own signed payload; no API client does, so the API document leaves it out.
class StripeWebhookController {

    private final CommandGateway commands;
    private final IntentPayments payments;
    private final String webhookSecret;
    private final String connectWebhookSecret;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param connectWebhookSecret the signing secret of the Connect endpoint, which Stripe gives apart from the
     *                             account's own endpoint and uses for the events of connected accounts (those
     *                             cal.com's payments were made on); empty when no such endpoint is set up
     */
    StripeWebhookController(CommandGateway commands, IntentPayments payments,
                            @Value("${calalt.stripe.webhook-secret:}") String webhookSecret,
                            @Value("${calalt.stripe.connect-webhook-secret:}") String connectWebhookSecret) {
        this.commands = commands;
        this.payments = payments;
        this.webhookSecret = webhookSecret;
        this.connectWebhookSecret = connectWebhookSecret;
    }

    @PostMapping("/v2/payments/stripe/webhook")
    ResponseEntity<Void> receive(@RequestBody String payload,
                                 @RequestHeader(name = "Stripe-Signature", required = false) String signature)
            throws IOException {
        if (webhookSecret.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Stripe is not configured: CALALT_STRIPE_WEBHOOK_SECRET is not set");
        }
        Event event = verified(payload, signature == null ? "" : signature);
        JsonNode intent = json.readTree(payload).path("data").path("object");
        String bookingUid = intent.path("metadata").path("bookingUid").asText(null);
        var payment = payments.paymentUid(intent.path("id").asText(null), bookingUid, event.getAccount());
        if (payment.isEmpty()) {
            return ResponseEntity.ok().build();
        }
        String paymentUid = payment.get();
        switch (event.getType()) {
            case "payment_intent.succeeded", "setup_intent.succeeded" ->
                    commands.sendAndWait(new SucceedPayment(paymentUid, event.getId()));
            case "payment_intent.payment_failed", "setup_intent.setup_failed" ->
                    commands.sendAndWait(new FailPayment(paymentUid, event.getId(), failure(intent)));
            case "payment_intent.canceled", "setup_intent.canceled" ->
                    commands.sendAndWait(new CancelPayment(paymentUid, event.getId(),
                            intent.path("cancellation_reason").asText(null)));
            default -> {
                // Other events of the account are none of a booking's business.
            }
        }
        return ResponseEntity.ok().build();
    }

    /**
     * Signed with the account endpoint's secret or, for the events of connected accounts, the Connect
     * endpoint's: either endpoint may be pointed at this URL. Which secret signed it does not decide
     * whose event it is; its {@code account} does, and only a payment made on that account is paid by it.
     */
    private Event verified(String payload, String signature) {
        for (String secret : new String[] {webhookSecret, connectWebhookSecret}) {
            if (secret.isBlank()) {
                continue;
            }
            try {
                return Webhook.constructEvent(payload, signature, secret);
            } catch (SignatureVerificationException e) {
                // Not this endpoint's signature: perhaps the other's.
            }
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The Stripe-Signature does not match the body");
    }

    /** Stripe's code for why the attempt failed (card_declined), or its message when it gives no code. */
    private static String failure(JsonNode intent) {
        JsonNode error = intent.has("last_payment_error") ? intent.path("last_payment_error")
                : intent.path("last_setup_error");
        String code = error.path("decline_code").asText(error.path("code").asText(null));
        return code != null ? code : error.path("message").asText("failed");
    }
}
