package com.calcomalt.query.scheduling.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.query.projections.CalcomProjectionsConfiguration;
import com.calcomalt.query.replay.ProjectionReplay;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;

/**
 * How fast the booking projections replay: {@code -Dbench.bookings=N} bookings (default 20,000) of
 * 20 hosts, each with one attendee, every fourth cancelled afterwards, appended through the projections
 * or ({@code -Dbench.seed=sql}) written by SQL straight into the event store; then a rebuild of every
 * projection, in events per second and in CPU per event of the projecting thread, the JVM and
 * PostgreSQL. The million-booking target is {@code -Dbench.seed=sql -Dbench.bookings=1000000}.
 */
@Tag("benchmark")
@TestPropertySource(properties = "axon.eventhandling.processors.calcom-projections.batch-size=${bench.batch-size:100}")
class BookingReplayBenchmark extends BookingFixtures {

    private static final Instant START = Instant.parse("2027-01-04T09:00:00Z");
    private static final Instant MARK_START = Instant.parse("2099-12-31T07:00:00Z");
    private static final int MARK_BOOKING = 2_111_111_111;
    private static final int MARK_ATTENDEE = 2_122_222_222;
    private static final int MARK_I = 2_133_333_333;
    private static final int SEED_BOOKING_IDS = 1_200_000_000;
    private static final int SEED_ATTENDEE_IDS = 1_600_000_000;

    @Autowired
    private EventProcessingConfiguration eventProcessing;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    @Test
    void replays_bookings() {
        int bookings = Integer.getInteger("bench.bookings", 20_000);
        List<int[]> hosts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int host = user();
            hosts.add(new int[] {host, personalEventType(host, 30)});
        }
        awaitCaughtUp();
        if ("sql".equals(System.getProperty("bench.seed"))) {
            seedBySql(hosts, bookings);
        } else {
            seedThroughTheProjections(hosts, bookings);
        }

        long events = projections.status().headPosition() + 1;
        String loadBefore = load();
        Map<Long, Long> projectingBefore = projectingCpu();
        Map<Long, Long> readingBefore = readingCpu();
        long processCpuBefore = processCpu();
        long postmaster = postmaster();
        long databaseCpuBefore = databaseCpu(postmaster);
        long begin = System.nanoTime();
        assertThat(projections.replayAll()).isNotEmpty();
        // The heap's peak, sampled as the replay goes, after a collection has had its chance to free what it can.
        AtomicLong heapPeak = new AtomicLong();
        // The rebuild's threads end with it, so their CPU is taken while they run.
        Map<Long, Long> projectingLatest = new HashMap<>(projectingBefore);
        Map<Long, Long> readingLatest = new HashMap<>(readingBefore);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            heapPeak.accumulateAndGet(heapAfterLastCollection(), Math::max);
            projectingLatest.putAll(projectingCpu());
            readingLatest.putAll(readingCpu());
            return projections.status().processors().stream()
                    .noneMatch(p -> p.rebuild() != null && p.rebuild().state() == ProjectionReplay.State.BUILDING);
        });
        double built = (System.nanoTime() - begin) / 1e9;
        double databaseCpu = (databaseCpu(postmaster) - databaseCpuBefore) / 100.0;
        double processCpu = (processCpu() - processCpuBefore) / 1e9;
        projectingLatest.putAll(projectingCpu());
        readingLatest.putAll(readingCpu());
        long projectingCpu = cpuSince(projectingBefore, projectingLatest);
        long readingCpu = cpuSince(readingBefore, readingLatest);
        System.out.printf("BENCHMARK booking projections, rebuild of %d events (%d bookings, batches of %s) up to the head: "
                        + "%.1f s, %.0f events/s, heap in use after collections at most %d MB of %d MB, load average %s "
                        + "before, %s after%n",
                events, bookings, System.getProperty("bench.batch-size", "100"), built, events / built, heapPeak.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20, loadBefore, load());
        // On a shared machine the rate follows the load; the CPU each event costs does much less.
        System.out.printf("BENCHMARK booking projections, CPU of the rebuild: projecting thread %.1f s (%.0f µs/event, "
                        + "%.0f events per CPU second), its reading thread %.1f s (%.0f µs/event), whole JVM %.1f s "
                        + "(%.0f µs/event), PostgreSQL's backends %.1f s (%.0f µs/event)%n",
                projectingCpu / 1e9, projectingCpu / 1e3 / events, events / (projectingCpu / 1e9), readingCpu / 1e9,
                readingCpu / 1e3 / events, processCpu, processCpu * 1e6 / events, databaseCpu, databaseCpu * 1e6 / events);
        if (!Boolean.parseBoolean(System.getProperty("bench.await-switch", "true"))) {
            return;
        }
        // A reader through the switch: the switch locks the live tables, so a read may wait that long.
        int readHost = hosts.get(0)[0];
        AtomicLong slowestRead = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                long started = System.nanoTime();
                jdbc.queryForObject("select count(*) from \"Booking\" where \"userId\" = ?", Long.class, readHost);
                slowestRead.accumulateAndGet(System.nanoTime() - started, Math::max);
                reads.incrementAndGet();
            }
        }, "switch-reader");
        reader.start();
        awaitCaughtUp();
        reading.set(false);
        double seconds = (System.nanoTime() - begin) / 1e9;
        Long switchMillis = projections.status().processors().stream().map(p -> p.rebuild().switchMillis())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        assertThat(jdbc.queryForObject("select count(*) from \"Booking\"", Long.class)).isGreaterThanOrEqualTo(bookings);
        System.out.printf("BENCHMARK booking projections, rebuild and switch: %.1f s, %.0f events/s; the switch stopped the "
                        + "live processor for %s ms; PostgreSQL's backends %.1f s of CPU in all%n",
                seconds, events / seconds, switchMillis, (databaseCpu(postmaster) - databaseCpuBefore) / 100.0);
        System.out.printf("BENCHMARK booking projections, reads of one host's bookings through the switch: %d, the slowest "
                + "%.1f ms; load average %s%n", reads.get(), slowestRead.get() / 1e6, load());
    }

    private void seedThroughTheProjections(List<int[]> hosts, int bookings) {
        List<EventMessage<?>> chunk = new ArrayList<>();
        for (int i = 0; i < bookings; i++) {
            int[] host = hosts.get(i % hosts.size());
            NewBooking booking = booking(host[0], host[1]).at(START.plus(Duration.ofMinutes(30L * i)), Duration.ofMinutes(30))
                    .attendee(attendee("Booker " + i, "booker" + i + "@example.com"));
            String aggregateId = BookingIds.aggregateId(booking.uid);
            chunk.add(new GenericDomainEventMessage<>("Booking", aggregateId, 0, booking.event()));
            if (i % 4 == 0) {
                chunk.add(new GenericDomainEventMessage<>("Booking", aggregateId, 1, cancelled(booking, i)));
            }
            if (chunk.size() >= 1_000) {
                eventStore.publish(chunk);
                chunk.clear();
            }
        }
        eventStore.publish(chunk);
        awaitCaughtUp();
    }

    private static BookingCancelled cancelled(NewBooking booking, int i) {
        return new BookingCancelled(booking.uid, booking.bookingId, "no longer needed", "booker" + i + "@example.com", CREATED);
    }

    /**
     * The same bookings, written by SQL straight into the event store, as the command side would
     * have stored them, while the live processor is stopped; it then starts at the head, so only
     * the replay projects them (through the live processor a million would take most of an hour).
     * Each host's events are serialized once with marker numbers and times that SQL replaces.
     */
    private void seedBySql(List<int[]> hosts, int bookings) {
        StreamingEventProcessor live = eventProcessing.eventProcessor(CalcomProjectionsConfiguration.PROCESSOR,
                StreamingEventProcessor.class).orElseThrow();
        live.shutDown();
        long begin = System.nanoTime();
        for (int h = 0; h < hosts.size(); h++) {
            NewBooking booking = booking(hosts.get(h)[0], hosts.get(h)[1]).at(MARK_START, Duration.ofMinutes(30))
                    .attendee(new BookingAttendee(MARK_ATTENDEE, "Booker " + MARK_I, "booker" + MARK_I + "@example.com",
                            "America/New_York", "en", null));
            booking.bookingId = MARK_BOOKING;
            booking.uid = "booking-" + MARK_BOOKING;
            String requested = json(booking.event());
            String cancelled = json(cancelled(booking, MARK_I));
            // Booking i of host h: ids above the tests' own (see QuerySideTest), one half hour after the other.
            jdbc.update("""
                    insert into eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    select gen_random_uuid()::text, 'booking:booking-' || (? + i), k, 'Booking', ?,
                        case k when 0 then ? else ? end, '1',
                        convert_to(replace(replace(replace(replace(replace(case k when 0 then ? else ? end,
                            ?, (? + i)::text), ?, (? + i)::text), ?, i::text),
                            ?, to_char(timestamp '2027-01-04 09:00' + i * interval '30 minutes', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
                            ?, to_char(timestamp '2027-01-04 09:30' + i * interval '30 minutes', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
                            'UTF8'),
                        convert_to('{}', 'UTF8')
                    from generate_series(?, ? - 1, ?) i cross join (values (0), (1)) cancelled(k)
                    where k = 0 or i % 4 = 0
                    order by i, k
                    """, SEED_BOOKING_IDS, CREATED.toString(), BookingRequested.class.getName(), BookingCancelled.class.getName(),
                    requested, cancelled, String.valueOf(MARK_BOOKING), SEED_BOOKING_IDS, String.valueOf(MARK_ATTENDEE),
                    SEED_ATTENDEE_IDS, String.valueOf(MARK_I), MARK_START.toString(), MARK_START.plus(Duration.ofMinutes(30)).toString(),
                    h, bookings, hosts.size());
        }
        System.out.printf("BENCHMARK booking projections, seeded %d bookings by SQL in %.1f s%n", bookings,
                (System.nanoTime() - begin) / 1e9);
        tokenStore.storeToken(eventStore.createHeadToken(), CalcomProjectionsConfiguration.PROCESSOR, 0);
        tokenStore.releaseClaim(CalcomProjectionsConfiguration.PROCESSOR, 0);
        live.start();
        awaitCaughtUp();
    }

    private String json(Object payload) {
        return serializer.serialize(payload, String.class).getData();
    }

    /** CPU time by thread id of the threads of the booking projections' processor and of its rebuild. */
    private static Map<Long, Long> projectingCpu() {
        return threadCpu(name -> name.contains("WorkPackage[calcom-projections]")
                || name.startsWith("calcom-projections~rebuild-worker"));
    }

    /** The same of their coordinators, which read the next events (and their JSON) while the projecting thread writes. */
    private static Map<Long, Long> readingCpu() {
        return threadCpu(name -> name.contains("Coordinator[calcom-projections]")
                || name.startsWith("calcom-projections~rebuild-coordinator"));
    }

    private static Map<Long, Long> threadCpu(java.util.function.Predicate<String> named) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && named.test(thread.getThreadName())) {
                cpu.put(thread.getThreadId(), Math.max(0, threads.getThreadCpuTime(thread.getThreadId())));
            }
        }
        return cpu;
    }

    private static long cpuSince(Map<Long, Long> before, Map<Long, Long> latest) {
        long cpu = 0;
        for (Map.Entry<Long, Long> thread : latest.entrySet()) {
            cpu += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return cpu;
    }

    /** The heap in use right after the last collection of each pool (the live data, not the garbage waiting). */
    private static long heapAfterLastCollection() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    /** The PostgreSQL server's main process: the parent of this connection's backend. */
    private long postmaster() {
        Long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        return backend == null ? -1 : procStat(backend)[0];
    }

    /**
     * CPU ticks (1/100 s) of the server's processes that are running now: the pool's backends live as
     * long as the test, so their difference is what the replay cost the database.
     */
    private static long databaseCpu(long postmaster) {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long[] stat = procStat(Long.parseLong(process.getFileName().toString()));
                if (stat[0] == postmaster) {
                    ticks += stat[1];
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks;
    }

    /** Parent pid, and user plus system ticks, of a process; -1 when it is gone. */
    private static long[] procStat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, 0};
        }
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The machine's load average over 1, 5 and 15 minutes: the figure means little on a busy machine. */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + "/" + fields[1] + "/" + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> projections.status().processors().stream().allMatch(ProjectionReplay.ProcessorStatus::caughtUp));
    }
}
