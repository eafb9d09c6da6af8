package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.scheduling.booking.BookingFacts.HostLoad;
import com.calcomalt.contracts.scheduling.Host;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * Whom round robin gives the next booking: the highest priority first; among equals, whoever is
 * furthest below their weighted share (bookings / weight, as cal.com's weights mean shares); then
 * whoever was booked least recently.
 */
final class RoundRobin {

    /** cal.com's defaults: priority 2 ("medium") and weight 100. */
    private static final int DEFAULT_PRIORITY = 2;
    private static final int DEFAULT_WEIGHT = 100;

    private RoundRobin() {
    }

    static Comparator<Host> order(Map<Integer, HostLoad> load) {
        return Comparator.<Host>comparingInt(h -> -(h.priority() == null ? DEFAULT_PRIORITY : h.priority()))
                .thenComparingDouble(h -> share(h, load))
                .thenComparing(h -> lastBooked(h, load), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Host::userId);
    }

    private static double share(Host host, Map<Integer, HostLoad> load) {
        int weight = host.weight() == null ? DEFAULT_WEIGHT : host.weight();
        HostLoad hostLoad = load.get(host.userId());
        int bookings = hostLoad == null ? 0 : hostLoad.bookings();
        return weight <= 0 ? Double.MAX_VALUE : (bookings + 1) / (double) weight;
    }

    private static Instant lastBooked(Host host, Map<Integer, HostLoad> load) {
        HostLoad hostLoad = load.get(host.userId());
        return hostLoad == null ? null : hostLoad.lastBookedAt();
    }
}
