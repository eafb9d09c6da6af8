package com.calcomalt.calendar;

import com.calcomalt.calendar.connectors.BusyTime;
import com.calcomalt.calendar.connectors.CalendarAuthenticationFailed;
import com.calcomalt.calendar.connectors.CalendarConnector;
import com.calcomalt.calendar.connectors.CalendarConnectors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The busy times of many credentials' calendars at once, read in parallel under one deadline and
 * kept in cal.com's "CalendarCache". A calendar that fails never fails the caller: it is listed
 * as unreadable, with its last cached busy times if there are any.
 */
public class CalendarBusyTimes {

    private final CalendarConnectors connectors;
    private final CalendarCache cache;
    private final ExecutorService executor;
    private final Duration timeout;

    CalendarBusyTimes(CalendarConnectors connectors, CalendarCache cache, ExecutorService executor, Duration timeout) {
        this.connectors = connectors;
        this.cache = cache;
        this.executor = executor;
        this.timeout = timeout;
    }

    private record Read(CalendarSource source, String key, Optional<CalendarCache.Entry> cached,
            Future<List<BusyTime>> fresh) {
    }

    public BusyTimesResult busyTimes(List<CalendarSource> sources, Instant from, Instant to, boolean useCache) {
        // The server is asked for the whole cached window, so the row serves every range of those months.
        Instant windowFrom = CalendarCache.monthStart(from);
        Instant windowTo = CalendarCache.nextMonthStart(to);
        List<SourcedBusy> busy = new ArrayList<>();
        List<UnreadableCalendar> unreadable = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        for (CalendarSource source : sources) {
            String key = cache.key(source.externalIds(), from, to);
            Optional<CalendarCache.Entry> cached = cache.read(source.credentialId(), key);
            if (useCache && cached.isPresent() && cached.get().fresh()) {
                add(busy, source, cached.get().busy(), from, to);
                continue;
            }
            Optional<CalendarConnector> connector = connectors.byType(source.type());
            if (connector.isEmpty()) {
                source.externalIds().forEach(id -> unreadable.add(new UnreadableCalendar(source.credentialId(), id,
                        "no connector for credential type " + source.type(), false)));
                continue;
            }
            reads.add(new Read(source, key, cached, executor.submit(() -> connector.get()
                    .busyTimes(source.account(), source.externalIds(), windowFrom, windowTo))));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Read read : reads) {
            CalendarSource source = read.source();
            try {
                List<BusyTime> fresh = read.fresh().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                cache.write(source.credentialId(), source.userId(), read.key(), fresh);
                add(busy, source, fresh, from, to);
            } catch (TimeoutException e) {
                read.fresh().cancel(true);
                failed(busy, unreadable, read, from, to, "timed out after " + timeout, false);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failed(busy, unreadable, read, from, to, String.valueOf(cause.getMessage()),
                        cause instanceof CalendarAuthenticationFailed);
            } catch (CancellationException e) {
                failed(busy, unreadable, read, from, to, "cancelled", false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reads.forEach(r -> r.fresh().cancel(true));
                failed(busy, unreadable, read, from, to, "interrupted", false);
            }
        }
        return new BusyTimesResult(busy, unreadable);
    }

    public void invalidate(int credentialId) {
        cache.invalidate(credentialId);
    }

    private static void failed(List<SourcedBusy> busy, List<UnreadableCalendar> unreadable, Read read, Instant from,
            Instant to, String reason, boolean authenticationFailed) {
        CalendarSource source = read.source();
        String why = reason;
        if (read.cached().isPresent()) {
            add(busy, source, read.cached().get().busy(), from, to);
            why = reason + "; stale cached busy times were used";
        }
        for (String externalId : source.externalIds()) {
            unreadable.add(new UnreadableCalendar(source.credentialId(), externalId, why, authenticationFailed));
        }
    }

    private static void add(List<SourcedBusy> busy, CalendarSource source, List<BusyTime> times, Instant from,
            Instant to) {
        for (BusyTime time : times) {
            if (time.start().isBefore(to) && time.end().isAfter(from)) {
                busy.add(new SourcedBusy(time.start(), time.end(), time.uid(), source.credentialId(),
                        time.externalId()));
            }
        }
    }
}
