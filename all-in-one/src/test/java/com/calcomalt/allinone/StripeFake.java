package com.calcomalt.allinone;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JVM's one fake of the few Stripe endpoints the application calls, in WireMock, answering in
 * the shapes Stripe documents (https://docs.stripe.com/api): Customers (create), PaymentIntents
 * (create, cancel), SetupIntents (create, retrieve) and Refunds (create). A SetupIntent retrieved
 * has succeeded with a card, as if its booker had confirmed it in the browser. Like Stripe, it answers a repeated Idempotency-Key
 * with the first answer, a failure included. A test can make refunds fail and intents slow. The one Spring context of the API tests is configured against it by
 * {@link ApiTest}: a second context with other settings would run its own event processors and
 * scheduler on the same database, and take work meant for the first.
 */
public final class StripeFake {

    public static final String SECRET_KEY = "sk_test_calalt";
    public static final String WEBHOOK_SECRET = "whsec_test_" + UUID.randomUUID().toString().replace("-", "");
    /** The Connect endpoint's own secret, with which Stripe signs the events of connected accounts. */
    public static final String CONNECT_WEBHOOK_SECRET = "whsec_test_connect_"
            + UUID.randomUUID().toString().replace("-", "");
    private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort()
            .extensions(new StripeObjects()));

    static {
        SERVER.start();
        for (String path : new String[] {"/v1/customers", "/v1/payment_intents", "/v1/setup_intents",
                "/v1/refunds"}) {
            SERVER.stubFor(post(urlEqualTo(path)).willReturn(new ResponseDefinitionBuilder()
                    .withTransformers(StripeObjects.NAME)));
        }
        SERVER.stubFor(post(urlPathMatching("/v1/payment_intents/[^/]+/cancel"))
                .willReturn(new ResponseDefinitionBuilder().withTransformers(StripeObjects.NAME)));
        SERVER.stubFor(get(urlPathMatching("/v1/setup_intents/[^/]+"))
                .willReturn(new ResponseDefinitionBuilder().withTransformers(StripeObjects.NAME)));
    }

    private static final AtomicBoolean REFUNDS_FAIL = new AtomicBoolean();
    private static final Map<String, Integer> SLOW_INTENTS = new ConcurrentHashMap<>();

    private StripeFake() {
    }

    /** While on, every refund asked for under a key not seen before fails as Stripe's 500 does. */
    static void refundsFail(boolean fail) {
        REFUNDS_FAIL.set(fail);
    }

    /** PaymentIntents of {@code amount} are answered only after {@code delay}, as from a slow Stripe. */
    static void slowPaymentIntents(int amount, Duration delay) {
        SLOW_INTENTS.put(String.valueOf(amount), (int) delay.toMillis());
    }

    private record Answer(int status, String body) {
    }

    public static WireMockServer server() {
        return SERVER;
    }

    public static String baseUrl() {
        return SERVER.baseUrl();
    }

    /** Stripe's signature: HMAC-SHA256 of "{timestamp}.{payload}" with the endpoint secret, in hex. */
    public static String signature(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes each object Stripe would: a fresh id, the request's amount, currency and metadata echoed. */
    private static final class StripeObjects implements ResponseDefinitionTransformerV2 {

        static final String NAME = "stripe-objects";
        private final ObjectMapper json = new ObjectMapper();
        private final Map<String, Answer> answered = new ConcurrentHashMap<>();
        private final Map<String, ObjectNode> setupIntents = new ConcurrentHashMap<>();

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            String key = request.getHeader("Idempotency-Key");
            Answer answer = key == null ? answerOrFail(request)
                    : answered.computeIfAbsent(request.getUrl() + " " + key, k -> answerOrFail(request));
            Integer delay = request.getUrl().equals("/v1/payment_intents")
                    ? SLOW_INTENTS.get(form(request.getBodyAsString()).get("amount")) : null;
            return new ResponseDefinitionBuilder().withStatus(answer.status())
                    .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_" + random())
                    .withBody(answer.body()).withFixedDelay(delay).build();
        }

        /** Like Stripe, the first answer to a key is kept, a failure included. */
        private Answer answerOrFail(Request request) {
            if (request.getUrl().equals("/v1/refunds") && REFUNDS_FAIL.get()) {
                return new Answer(500, """
                        {"error": {"type": "api_error", "message": "An unknown error occurred"}}""");
            }
            return new Answer(200, answer(request));
        }

        private String answer(Request request) {
            Map<String, String> form = form(request.getBodyAsString());
            String path = request.getUrl().split("\\?")[0];
            ObjectNode object = json.createObjectNode();
            if (path.startsWith("/v1/setup_intents/")) {
                ObjectNode saved = setupIntents.get(path.substring("/v1/setup_intents/".length()));
                return saved == null ? "{}" : saved.deepCopy().put("status", "succeeded")
                        .put("payment_method", "pm_" + saved.get("id").asText()).toString();
            } else if (path.startsWith("/v1/customers")) {
                object.put("id", "cus_" + random()).put("object", "customer");
            } else if (path.endsWith("/cancel")) {
                String id = path.split("/")[3];
                object.put("id", id).put("object", "payment_intent").put("status", "canceled")
                        .put("cancellation_reason", form.get("cancellation_reason"))
                        .put("client_secret", id + "_secret_" + random());
            } else if (path.startsWith("/v1/payment_intents")) {
                String id = "pi_" + random();
                boolean confirmed = "true".equals(form.get("confirm"));
                object.put("id", id).put("object", "payment_intent")
                        .put("amount", Long.parseLong(form.get("amount"))).put("currency", form.get("currency"))
                        .put("client_secret", id + "_secret_" + random())
                        .put("status", confirmed ? "succeeded" : "requires_payment_method")
                        .put("capture_method", "automatic").put("customer", form.get("customer"))
                        .put("payment_method", form.get("payment_method"));
            } else if (path.startsWith("/v1/setup_intents")) {
                String id = "seti_" + random();
                object.put("id", id).put("object", "setup_intent").put("client_secret", id + "_secret_" + random())
                        .put("status", "requires_payment_method").put("usage", form.get("usage"))
                        .put("customer", form.get("customer"));
                setupIntents.put(id, object);
            } else {
                object.put("id", "re_" + random()).put("object", "refund").put("status", "succeeded")
                        .put("payment_intent", form.get("payment_intent"));
            }
            object.put("livemode", false).put("created", System.currentTimeMillis() / 1000);
            ObjectNode metadata = object.putObject("metadata");
            form.forEach((name, value) -> {
                if (name.startsWith("metadata[") && name.endsWith("]")) {
                    metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
                }
            });
            return object.toString();
        }

        private static Map<String, String> form(String body) {
            Map<String, String> form = new LinkedHashMap<>();
            if (body == null || body.isEmpty()) {
                return form;
            }
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return form;
        }

        private static String random() {
            return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        }
    }
}
