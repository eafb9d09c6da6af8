package com.calcomalt.command.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.command.support.CallerCommands;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.platform.testing.MovableClock;
import com.calcomalt.command.support.PartialSettings;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.CreateEventType;
import com.calcomalt.contracts.scheduling.CreateOutOfOffice;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.ReserveSlot;
import com.calcomalt.contracts.scheduling.UpdateOutOfOffice;
import com.calcomalt.platform.domain.DomainConflict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Scheduling rules that span aggregates, on real PostgreSQL and under concurrency. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SchedulingRegistryTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    IdAllocator ids;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MovableClock clock;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private CallerCommands callers;

    @BeforeEach
    void callers() {
        callers = new CallerCommands(commands, ids);
    }

    private <R> R send(Object command, Caller caller) {
        return callers.send(command, caller);
    }

    private Caller user() {
        return callers.user("u", "UTC");
    }

    /** Settings with just a title, slug and length; the rest takes cal.com's defaults. */
    private static EventTypeSettings settings(String slug) {
        return PartialSettings.eventType("title", "Meeting", "slug", slug, "length", 30);
    }

    private int eventType(Caller owner, String slug) {
        int id = ids.next("EventType");
        send(new CreateEventType(id, owner.userId(), null, null, settings(slug), null, null), owner);
        return id;
    }

    @Test
    void of_ten_concurrent_event_types_with_one_slug_for_one_user_exactly_one_is_created() throws Exception {
        Caller owner = user();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CyclicBarrier together = new CyclicBarrier(10);
        List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                    eventType(owner, "same-" + tag);
                    return true;
                } catch (DomainConflict taken) {
                    return false;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        long created = attempts.stream().filter(CompletableFuture::join).count();
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from command_side.event_types where user_id = ?",
                Integer.class, owner.userId())).isEqualTo(1);
    }

    @Test
    void another_user_may_use_the_same_slug() {
        eventType(user(), "shared-" + tag);
        eventType(user(), "shared-" + tag);
    }

    @Test
    void a_users_times_out_of_office_never_overlap_even_when_made_at_once() throws Exception {
        Caller away = user();
        Instant start = Instant.parse("2027-01-10T00:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CyclicBarrier together = new CyclicBarrier(6);
        List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant from = start.plus(Duration.ofHours(i));
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                    send(new CreateOutOfOffice(ids.next("OutOfOfficeEntry"), UUID.randomUUID().toString(),
                            away.userId(), from, from.plus(Duration.ofDays(2)), null, null, null, null), away);
                    return true;
                } catch (DomainConflict overlapping) {
                    return false;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        long created = attempts.stream().filter(CompletableFuture::join).count();
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        int later = ids.next("OutOfOfficeEntry");
        send(new CreateOutOfOffice(later, UUID.randomUUID().toString(), away.userId(), start.plus(Duration.ofDays(10)),
                start.plus(Duration.ofDays(11)), null, null, null, null), away);
        assertThatThrownBy(() -> send(new UpdateOutOfOffice(later, start.plus(Duration.ofDays(1)), null, null, null,
                null, null), away)).isInstanceOf(DomainConflict.class);
    }

    @Test
    void a_reservation_expires_on_its_own() {
        Caller booker = user();
        int eventTypeId = eventType(booker, "held-" + tag);
        String uid = UUID.randomUUID().toString();
        Instant slot = Instant.now().plus(Duration.ofDays(1));
        send(new ReserveSlot(uid, ids.next("SelectedSlots"), eventTypeId, slot, slot.plus(Duration.ofMinutes(30)), 1,
                false), booker);
        clock.moveBy(Duration.ofMinutes(2));
        try {
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                    "select uid from command_side.slot_reservations where uid = ?", String.class, uid).isEmpty());
            assertThat(jdbc.queryForObject("""
                select count(*) from eventstore.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%SlotReservationExpired'""",
                Integer.class, "slot-reservation:" + uid)).isEqualTo(1);
        } finally {
            clock.moveBy(Duration.ofMinutes(-2));
        }
    }

    @Test
    void a_fresh_install_has_cal_coms_out_of_office_reasons() {
        assertThat(jdbc.queryForList("select reason from command_side.out_of_office_reasons", String.class))
                .contains("ooo_reasons_vacation", "ooo_reasons_travel", "ooo_reasons_sick_leave",
                        "ooo_reasons_public_holiday", "ooo_reasons_unspecified");
    }
}
