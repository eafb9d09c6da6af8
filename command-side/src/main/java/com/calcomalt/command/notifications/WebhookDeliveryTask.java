package com.calcomalt.command.notifications;

import static com.calcomalt.platform.database.Timestamps.utc;

import com.calcomalt.platform.config.NodeName;
import com.calcomalt.platform.secrets.SecretBox;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The durable delivery of one webhook delivery row: a db-scheduler task whose instance id is the
 * delivery's id. Each run POSTs the stored body, signed with the webhook's current secret (opened
 * from its sealed form just for this), records the attempt (when, how long, the HTTP status or the
 * error), and then either finishes (2xx; or a 4xx, which a retry would not change) or reschedules
 * itself with exponential back-off after a network error or a 5xx, until
 * {@code calalt.webhooks.delivery.max-attempts} tries were made.
 *
 * <p>At least once, and as close to once as HTTP allows. Every request carries the delivery's id as
 * {@code webhook-id} (Standard Webhooks), the same on every retry, so a receiver can drop a copy. An
 * attempt is written before its POST goes out and its answer is written, with the delivery's success,
 * in one statement; a revived execution first looks for an answered success and then sends nothing.
 * What stays is the POST in flight when its node died: the receiver may have it, and nothing on this
 * side can know, so it is sent again under the same id. At most once would lose deliveries on any
 * crash, which for a webhook is the worse failure.
 */
@Configuration
class WebhookDeliveryTask {

    static final String NAME = "webhook-delivery";
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryTask.class);

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    private final String node;

    WebhookDeliveryTask(JdbcTemplate jdbc, SecretBox secrets, Clock clock, @Value(NodeName.PROPERTY) String nodeName,
                        @Value("${calalt.webhooks.delivery.max-attempts:5}") int maxAttempts,
                        @Value("${calalt.webhooks.delivery.initial-backoff:10s}") Duration initialBackoff,
                        @Value("${calalt.webhooks.delivery.connect-timeout:5s}") Duration connectTimeout,
                        @Value("${calalt.webhooks.delivery.request-timeout:10s}") Duration requestTimeout) {
        this.jdbc = jdbc;
        this.node = NodeName.of(nodeName);
        this.secrets = secrets;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ObjectMapper json() {
        return json;
    }

    @Bean
    CustomTask<Void> webhookDelivery() {
        return Tasks.custom(NAME, Void.class).execute((instance, context) -> attempt(instance.getId()));
    }

    TaskInstance<Void> instance(String deliveryId) {
        return new TaskInstance<>(NAME, deliveryId);
    }

    private record Delivery(String url, String body, String status, String encryptedSecret, int attempts,
                            boolean answered) {
    }

    CompletionHandler<Void> attempt(String deliveryId) {
        Delivery delivery = jdbc.query("""
                select d.subscriber_url, d.body, d.status, s.encrypted_secret,
                       (select count(*) from notifications.webhook_delivery_attempts a where a.delivery_id = d.id),
                       exists (select 1 from notifications.webhook_delivery_attempts a where a.delivery_id = d.id
                               and a.http_status between 200 and 299)
                from notifications.webhook_deliveries d
                left join notifications.webhook_subscriptions s on s.webhook_id = d.webhook_id
                where d.id = ?""", (rs, i) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getBoolean(6)), deliveryId).stream().findFirst().orElse(null);
        if (delivery == null || !"PENDING".equals(delivery.status())) {
            return (complete, operations) -> operations.remove();
        }
        if (delivery.answered()) {
            return finish(deliveryId, "SUCCEEDED");
        }
        // An attempt without an answer is one whose node died while sending: the receiver may have it.
        jdbc.update("""
                update notifications.webhook_delivery_attempts set error = 'no answer recorded: its node stopped'
                where delivery_id = ? and duration_ms is null and http_status is null and error is null""",
                deliveryId);
        int attempt = delivery.attempts() + 1;
        Instant startedAt = clock.instant();
        jdbc.update("""
                insert into notifications.webhook_delivery_attempts (delivery_id, attempt, attempted_at, node)
                values (?, ?, ?, ?)""", deliveryId, attempt, utc(startedAt), node);
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        String secret = secrets.open(delivery.encryptedSecret());
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(requestTimeout)
                    .header("Content-Type", PayloadTemplate.isJson(delivery.body(), json) ? "application/json"
                            : "text/plain; charset=utf-8")
                    .header(WebhookSignature.HEADER, WebhookSignature.of(secret, body));
            WebhookSignature.standardWebhooks(deliveryId, startedAt, secret, body).forEach(request::header);
            status = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted while sending (shutting down)";
        }
        long durationMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        boolean succeeded = status != null && status >= 200 && status < 300;
        // The answer and the delivery's success in one statement: a revived run never finds one without the other.
        jdbc.update("""
                with answered as (
                    update notifications.webhook_delivery_attempts set duration_ms = ?, http_status = ?, error = ?
                    where delivery_id = ? and attempt = ?)
                update notifications.webhook_deliveries set status = 'SUCCEEDED', completed_at = ?
                where id = ? and status = 'PENDING' and ?""",
                durationMs, status, error, deliveryId, attempt, utc(clock.instant()), deliveryId, succeeded);
        if (succeeded) {
            return (complete, operations) -> operations.remove();
        }
        boolean retryable = status == null || status >= 500;
        if (retryable && attempt < maxAttempts) {
            Instant next = clock.instant().plus(initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20)));
            log.debug("Webhook delivery {} to {} failed ({}), try {} at {}", deliveryId, delivery.url(),
                    status != null ? "HTTP " + status : error, attempt + 1, next);
            return (complete, operations) -> operations.reschedule(complete, next);
        }
        log.info("Webhook delivery {} to {} failed for good after {} tries ({})", deliveryId, delivery.url(), attempt,
                status != null ? "HTTP " + status : error);
        return finish(deliveryId, "FAILED");
    }

    private CompletionHandler<Void> finish(String deliveryId, String status) {
        jdbc.update("update notifications.webhook_deliveries set status = ?, completed_at = ? where id = ?"
                + " and status = 'PENDING'", status, utc(clock.instant()), deliveryId);
        return (complete, operations) -> operations.remove();
    }
}
