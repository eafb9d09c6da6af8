package com.calcomalt.calendar;

import com.calcomalt.calendar.connectors.CalendarAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The busy times of hosts, from the calendars each selected: what both the slots and a booking's
 * re-check block. A calendar event whose UID is one of our own bookings is left out, since that
 * booking already blocks its time (and a rescheduled booking must not block its own new start).
 */
public class HostCalendars {

    private final CalendarBusyTimes busyTimes;

    public HostCalendars(CalendarBusyTimes busyTimes) {
        this.busyTimes = busyTimes;
    }

    /** One selected calendar of a host, with its account's sealed key as the tables hold it. */
    public record Selected(int userId, int credentialId, String type, String sealedKey, boolean invalid,
                           String externalId) {

        @Override
        public String toString() {
            return "Selected[userId=" + userId + ", credentialId=" + credentialId + ", externalId=" + externalId + "]";
        }
    }

    /** Per user the busy intervals that count; and every calendar that could not be read. */
    public record HostsBusy(Map<Integer, List<SourcedBusy>> busyByUser, List<UnreadableCalendar> unreadable) {

        public static final HostsBusy NONE = new HostsBusy(Map.of(), List.of());
    }

    private record Account(int userId, int credentialId) {
    }

    /**
     * @param openKey     turns a sealed key into the key's JSON
     * @param ownBookings of the UIDs given, those that are bookings of ours
     */
    public HostsBusy busy(List<Selected> selected, UnaryOperator<String> openKey,
                          Function<Collection<String>, Set<String>> ownBookings, Instant from, Instant to,
                          boolean useCache) {
        if (selected.isEmpty()) {
            return HostsBusy.NONE;
        }
        Map<Account, List<Selected>> byAccount = new LinkedHashMap<>();
        selected.forEach(s -> byAccount.computeIfAbsent(new Account(s.userId(), s.credentialId()), a -> new ArrayList<>())
                .add(s));
        List<CalendarSource> sources = new ArrayList<>();
        Map<String, Set<Integer>> usersOf = new HashMap<>();
        Set<UnreadableCalendar> unreadable = new LinkedHashSet<>();
        for (List<Selected> calendars : byAccount.values()) {
            Selected first = calendars.get(0);
            List<String> externalIds = calendars.stream().map(Selected::externalId).distinct().toList();
            externalIds.forEach(id -> usersOf.computeIfAbsent(first.credentialId() + " " + id, k -> new LinkedHashSet<>())
                    .add(first.userId()));
            if (first.invalid()) {
                externalIds.forEach(id -> unreadable.add(new UnreadableCalendar(first.credentialId(), id,
                        "the calendar server refused the stored login; connect the account again", true)));
                continue;
            }
            List<CalendarAccount> accounts;
            try {
                accounts = CalendarKeys.accounts(openKey.apply(first.sealedKey()));
            } catch (RuntimeException e) {
                externalIds.forEach(id -> unreadable.add(new UnreadableCalendar(first.credentialId(), id,
                        "the account's key cannot be opened with this system's secret key", false)));
                continue;
            }
            String type = CalendarKeys.connectorType(first.type());
            if (accounts.size() == 1) {
                sources.add(new CalendarSource(first.credentialId(), first.userId(), type, accounts.get(0), externalIds));
            } else {
                for (CalendarAccount feed : accounts) {
                    if (externalIds.contains(feed.url())) {
                        sources.add(new CalendarSource(first.credentialId(), first.userId(), type, feed,
                                List.of(feed.url())));
                    }
                }
            }
        }
        BusyTimesResult read = sources.isEmpty() ? new BusyTimesResult(List.of(), List.of())
                : busyTimes.busyTimes(dedupe(sources), from, to, useCache);
        Set<String> uids = new LinkedHashSet<>();
        read.busy().stream().map(SourcedBusy::uid).filter(Objects::nonNull).forEach(uids::add);
        Set<String> ours = uids.isEmpty() ? Set.of() : ownBookings.apply(uids);
        Map<Integer, List<SourcedBusy>> byUser = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (SourcedBusy busy : read.busy()) {
            if (busy.uid() != null && ours.contains(busy.uid())) {
                continue;
            }
            for (int user : usersOf.getOrDefault(busy.credentialId() + " " + busy.externalId(), Set.of())) {
                if (seen.add(user + " " + busy)) {
                    byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(busy);
                }
            }
        }
        unreadable.addAll(read.unreadable());
        return new HostsBusy(byUser, List.copyOf(unreadable));
    }

    /** Hosts who share a team's account read each of its calendars once. */
    private static List<CalendarSource> dedupe(List<CalendarSource> sources) {
        Map<String, CalendarSource> unique = new LinkedHashMap<>();
        for (CalendarSource source : sources) {
            unique.putIfAbsent(source.credentialId() + " " + source.account().url() + " " + source.externalIds(), source);
        }
        return List.copyOf(unique.values());
    }
}
