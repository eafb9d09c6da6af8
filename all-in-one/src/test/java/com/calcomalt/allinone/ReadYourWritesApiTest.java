package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A client that writes and then reads sees its write, however far behind the projector is: the
 * command's answer waits until the projector has handled the command's own events.
 */
class ReadYourWritesApiTest extends ApiTest {

    private static final Duration PROJECTOR_HELD = Duration.ofMillis(800);

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_booking_is_read_back_right_after_its_answer_while_the_projector_was_held_up() throws Exception {
        Member host = newMember("ryw", "example.com");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Always", "timeZone": "UTC", "availability": [{"days": ["Monday", "Tuesday",
                  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], "startTime": "00:00",
                  "endTime": "23:59"}]}""")).status().value()).isEqualTo(201);
        int eventTypeId = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Quick", "slug": "quick-%s", "lengthInMinutes": 15, "minimumBookingNotice": 0}"""
                .formatted(tag))).data().get("id").asInt();
        String start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10))
                .toString();

        // The projector cannot write bookings while this transaction holds the table; reads go on.
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.execute("lock table \"Booking\" in exclusive mode");
            held.countDown();
            try {
                Thread.sleep(PROJECTOR_HELD.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        long began = System.nanoTime();
        Response booked = as(host.key(), () -> post("/v2/bookings", """
                {"start": "%s", "eventTypeId": %d, "attendee": {"name": "Rita", "email": "rita-%s@example.com",
                 "timeZone": "UTC"}}""".formatted(start, eventTypeId, tag)));
        Duration answeredAfter = Duration.ofNanos(System.nanoTime() - began);
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        String uid = booked.data().get("uid").asText();

        Response read = as(host.key(), () -> get("/v2/bookings/" + uid));
        assertThat(read.status().value()).as("read right after the answer: %s", read.body()).isEqualTo(200);
        assertThat(read.data().get("uid").asText()).isEqualTo(uid);
        assertThat(answeredAfter).as("the answer waited for the projector").isGreaterThan(PROJECTOR_HELD.dividedBy(2));
        holder.get(10, TimeUnit.SECONDS);
    }
}
