package com.calcomalt.query.scheduling.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.query.replay.ProjectionReplay;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * How fast the booking projections replay: {@code -Dbench.bookings=N} bookings (default 20,000) of
 * 20 hosts, each with one attendee, every fourth cancelled afterwards, stored straight into the
 * event store; then a replay of every stored event, in events per second. The figure the issue's
 * million-booking target is extrapolated from.
 */
@Tag("benchmark")
@TestPropertySource(properties = "axon.eventhandling.processors.calcom-projections.batch-size=${bench.batch-size:100}")
class BookingReplayBenchmark extends BookingFixtures {

    @Test
    void replays_bookings() {
        int bookings = Integer.getInteger("bench.bookings", 20_000);
        List<int[]> hosts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int host = user();
            hosts.add(new int[] {host, personalEventType(host, 30)});
        }
        List<EventMessage<?>> chunk = new ArrayList<>();
        Instant start = Instant.parse("2027-01-04T09:00:00Z");
        for (int i = 0; i < bookings; i++) {
            int[] host = hosts.get(i % hosts.size());
            NewBooking booking = booking(host[0], host[1]).at(start.plus(Duration.ofMinutes(30L * i)), Duration.ofMinutes(30))
                    .attendee(attendee("Booker " + i, "booker" + i + "@example.com"));
            String aggregateId = BookingIds.aggregateId(booking.uid);
            chunk.add(new GenericDomainEventMessage<>("Booking", aggregateId, 0, booking.event()));
            if (i % 4 == 0) {
                chunk.add(new GenericDomainEventMessage<>("Booking", aggregateId, 1, new BookingCancelled(booking.uid,
                        booking.bookingId, "no longer needed", "booker" + i + "@example.com", CREATED)));
            }
            if (chunk.size() >= 1_000) {
                eventStore.publish(chunk);
                chunk.clear();
            }
        }
        eventStore.publish(chunk);
        awaitCaughtUp();

        long events = projections.status().headPosition() + 1;
        String loadBefore = load();
        Map<Long, Long> projectingBefore = projectingCpu();
        long processCpuBefore = processCpu();
        long begin = System.nanoTime();
        assertThat(projections.replayAll()).isNotEmpty();
        awaitCaughtUp();
        double seconds = (System.nanoTime() - begin) / 1e9;
        long projectingCpu = 0;
        for (Map.Entry<Long, Long> thread : projectingCpu().entrySet()) {
            projectingCpu += thread.getValue() - projectingBefore.getOrDefault(thread.getKey(), 0L);
        }
        double processCpuSeconds = (processCpu() - processCpuBefore) / 1e9;
        assertThat(jdbc.queryForObject("select count(*) from \"Booking\"", Long.class)).isGreaterThanOrEqualTo(bookings);
        System.out.printf("BENCHMARK booking projections, replay of %d events (%d bookings, batches of %s): %.1f s, "
                        + "%.0f events/s, heap %d MB of %d MB, load average %s before, %s after%n",
                events, bookings, System.getProperty("bench.batch-size", "100"), seconds, events / seconds,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                Runtime.getRuntime().maxMemory() >> 20, loadBefore, load());
        // On a shared machine the rate follows the load; the CPU each event costs this JVM does much less.
        System.out.printf("BENCHMARK booking projections, CPU of the replay: projecting thread %.1f s (%.0f µs/event, "
                        + "%.0f events per CPU second), whole JVM %.1f s%n",
                projectingCpu / 1e9, projectingCpu / 1e3 / events, events / (projectingCpu / 1e9), processCpuSeconds);
    }

    /** CPU time by thread id of the threads of the booking projections' processor. */
    private static Map<Long, Long> projectingCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().contains("WorkPackage[calcom-projections]")) {
                cpu.put(thread.getThreadId(), Math.max(0, threads.getThreadCpuTime(thread.getThreadId())));
            }
        }
        return cpu;
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
