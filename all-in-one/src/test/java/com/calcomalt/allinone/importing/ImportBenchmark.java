package com.calcomalt.allinone.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.allinone.AllInOneApplication;
import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The import of a large generated cal.com database ({@code -Dbench.bookings=N}, 100,000 by default, with 2.5
 * attendees each and references, tracking, notes and payments beside them) under a small heap
 * ({@code -Dcalalt.test-heap=256m}): a dry run (reading and checking) and then the import itself, each with its
 * rows/s and the largest heap in use right after a collection while it ran.
 */
@Tag("benchmark")
class ImportBenchmark {

    @TempDir
    Path directory;

    @Test
    void imports_a_large_calcom_database_in_bounded_memory() throws Exception {
        int bookings = Integer.getInteger("bench.bookings", 100_000);
        int users = Math.max(10, bookings / 50);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(
                EmbeddedPostgresProperties.Mode.THROWAWAY, Path.of(".data/unused"), 0));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            admin.createStatement().execute("create database calcom_" + tag);
            admin.createStatement().execute("create database imported_" + tag);
        }
        String base = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1);
        String sourceUrl = base + "calcom_" + tag;
        String targetUrl = base + "imported_" + tag;
        Flyway.configure().dataSource(sourceUrl, "postgres", "").locations("classpath:db/migration").load().migrate();
        JdbcTemplate source = new JdbcTemplate(new SingleConnectionDataSource(sourceUrl, "postgres", "", true));
        long seeding = System.nanoTime();
        fill(source, users, bookings);
        Map<String, Object> rows = source.queryForMap("""
                select (select count(*) from "Booking") bookings, (select count(*) from "Attendee") attendees,
                       (select count(*) from "BookingReference") refs, (select count(*) from "Tracking") tracking,
                       (select count(*) from "BookingInternalNote") notes, (select count(*) from "Payment") payments""");
        System.out.printf("BENCHMARK import source: %s, %d users, seeded in %.0f s%n", rows, users,
                (System.nanoTime() - seeding) / 1e9);

        String[] target = {"--spring.datasource.url=" + targetUrl, "--spring.datasource.username=postgres"};
        PeakHeap peak = PeakHeap.watch();
        try (var context = new SpringApplicationBuilder(AllInOneApplication.class).web(WebApplicationType.NONE)
                .run(java.util.stream.Stream.concat(java.util.Arrays.stream(target), java.util.stream.Stream.of(
                        "--calalt.bootstrap-api-key=", "--calalt.out-of-office.seed-common-reasons=false",
                        "--axon.timeout.transaction.event-processor[identity-registry].timeout-ms=3600000"))
                        .toArray(String[]::new));
             Connection calcom = DriverManager.getConnection(sourceUrl, "postgres", "")) {
            CalcomImport importer = context.getBean(CalcomImport.class);
            PrintStream out = new PrintStream(Files.newOutputStream(directory.resolve("import.log")), true);
            for (boolean dryRun : new boolean[] {true, false}) {
                System.gc();
                peak.reset();
                long started = System.nanoTime();
                CalcomImport.Outcome outcome = importer.run(calcom, dryRun, CalcomImport.RuleBreaking.REFUSE,
                        directory.resolve("report.tsv"), out);
                double seconds = (System.nanoTime() - started) / 1e9;
                int imported = outcome.imported().values().stream().mapToInt(Integer::intValue).sum();
                System.out.printf("BENCHMARK import %s: %d rows in %.1f s, %.0f rows/s, heap in use after "
                                + "collections at most %d MB of %d MB, load average %s%n",
                        dryRun ? "dry run (read and check)" : "with writing", imported, seconds, imported / seconds,
                        peak.megabytes(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
                assertThat(outcome.ruleBreaks()).isEmpty();
                assertThat(outcome.imported().get("Booking")).isEqualTo(bookings);
            }
        } finally {
            peak.stop();
        }
    }

    /**
     * Users with a personal event type each; bookings an hour apart per host, a tenth cancelled; two attendees
     * each and a third for every second one; a reference for every second booking, tracking for every fifth,
     * a note for every tenth and a payment for every tenth.
     */
    private static void fill(JdbcTemplate db, int users, int bookings) {
        db.update("""
                insert into users (id, uuid, email, username, name, "timeZone", "timeFormat", created)
                select i, gen_random_uuid(), 'person' || i || '@example.com', 'person' || i, 'Person ' || i,
                       'Europe/Berlin', 24, timestamp '2021-01-01 00:00:00' + i * interval '1 minute'
                from generate_series(1, ?) i""", users);
        db.update("""
                insert into "EventType" (id, "userId", title, slug, length, "createdAt")
                select i, i, '30 minutes', '30min', 30, timestamp '2022-01-01 00:00:00' from generate_series(1, ?) i""",
                users);
        db.update("""
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, description, "startTime", "endTime",
                                       "createdAt", "updatedAt", status, "cancellationReason", responses, metadata,
                                       "iCalUID", "userPrimaryEmail")
                select b, 'bk-' || b, u, u, '30 minutes with Guest ' || b, 'About the plan', s, s + interval '30 minutes',
                       s - interval '10 days', case when b % 10 = 0 then s - interval '1 day' end,
                       (case when b % 10 = 0 then 'cancelled' else 'accepted' end)::"BookingStatus",
                       case when b % 10 = 0 then 'Something came up' end,
                       jsonb_build_object('name', 'Guest ' || b, 'email', 'guest' || b || '@mail.example'),
                       jsonb_build_object('videoCallUrl', 'https://meet.example/' || b), b || '@Cal.com',
                       'person' || u || '@example.com'
                from (select b, 1 + (b - 1) % ? as u,
                             timestamp '2024-01-01 08:00:00' + ((b - 1) / ?) * interval '1 hour' as s
                      from generate_series(1, ?) b) x""", users, users, bookings);
        db.execute("""
                insert into "Attendee" (id, email, name, "timeZone", "bookingId", locale)
                select id * 3 + k, 'guest' || id || '-' || k || '@mail.example', 'Guest ' || id, 'Europe/Paris', id, 'en'
                from "Booking" cross join generate_series(0, 2) k where k < 2 or id % 2 = 0;
                insert into "BookingReference" (id, type, uid, "bookingId", "meetingId", "meetingUrl")
                select id, 'daily_video', 'ref-' || id, id, 'meet-' || id, 'https://meet.example/' || id
                from "Booking" where id % 2 = 0;
                insert into "Tracking" (id, "bookingId", utm_source, utm_medium, utm_campaign)
                select id, id, 'newsletter', 'email', 'spring' from "Booking" where id % 5 = 0;
                insert into "BookingInternalNote" (id, text, "bookingId", "createdById", "createdAt")
                select id, 'Called back', id, "userId", "createdAt" + interval '1 hour' from "Booking" where id % 10 = 0;
                insert into "Payment" (id, uid, "bookingId", amount, fee, currency, success, refunded, data,
                                       "externalId", "appId", "paymentOption")
                select id, 'pay-' || id, id, 2500, 75, 'usd', true, false, '{}', 'pi_' || id, 'stripe', 'ON_BOOKING'
                from "Booking" where id % 10 = 1;
                update "Booking" set paid = true where id % 10 = 1;
                analyze;
                """);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (Exception e) {
            return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The heap in use right after each collection, at its largest: what the run truly holds. */
    private static final class PeakHeap {
        private final AtomicLong peak = new AtomicLong();
        private final NotificationListener listener = (notification, handback) -> {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> isHeap(e.getKey())).map(Map.Entry::getValue).mapToLong(MemoryUsage::getUsed).sum();
            peak.accumulateAndGet(used, Math::max);
        };

        static PeakHeap watch() {
            PeakHeap heap = new PeakHeap();
            ManagementFactory.getGarbageCollectorMXBeans()
                    .forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(heap.listener, null, null));
            return heap;
        }

        private static boolean isHeap(String pool) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(p -> p.getName().equals(pool) && p.getType() == java.lang.management.MemoryType.HEAP);
        }

        void reset() {
            peak.set(0);
        }

        long megabytes() {
            return peak.get() >> 20;
        }

        void stop() {
            ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(listener);
                } catch (Exception e) {
                    // not registered: nothing to remove
                }
            });
        }
    }
}
