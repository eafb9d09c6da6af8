package com.calcomalt.allinone.importing;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.contracts.identity.MembershipIds;
import com.calcomalt.contracts.identity.MembershipImpersonationChanged;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamIds;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.scheduling.DateOverride;
import com.calcomalt.contracts.scheduling.ScheduleCreated;
import com.calcomalt.contracts.scheduling.ScheduleIds;
import com.calcomalt.contracts.scheduling.ScheduleMadeDefault;
import com.calcomalt.contracts.scheduling.WeeklyRange;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a cal.com database into events: users, then schedules with their availability.
 * The {@link ImportSection}s follow with the tables after them. It appends
 * the ordinary events of each aggregate with the source's ids and times, so the subscribing
 * registries fill the command-side lookups in the same transaction, exactly as a command would.
 * Rows that break our rules are reported, never fixed; with rule-breaking rows present nothing is
 * written unless the operator chooses to skip them, or to import as they are those our lookups can hold.
 */
@Component
public class CalcomImport {

    /**
     * The cal.com tables our projectors write (or that no context of ours models) that this import does not read,
     * each with why; every run prints them.
     */
    public static final Map<String, String> SKIPPED_TABLES = skipped();

    private static Map<String, String> skipped() {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("InternalNotePreset", "no context of ours models it (a note's notePresetId is carried as is)");
        reasons.put("BookingDenormalized", "filled by our projectors from the imported bookings, compared with what"
                + " the source's bookings derive");
        reasons.put("ResetPasswordRequest", "left out: a reset link lives for hours only; whoever had one open"
                + " asks again");
        reasons.put("Session", "left out: cal.com signs users in with JSON web tokens (NextAuth's jwt strategy),"
                + " not with these rows, so no one is signed in by them");
        reasons.put("AccessToken", "left out: tokens of platform OAuth clients, which are not imported");
        reasons.put("RefreshToken", "left out: tokens of platform OAuth clients, which are not imported");
        return java.util.Collections.unmodifiableMap(reasons);
    }

    private static final int BATCH = 500;
    private static final int FETCH = 1000;
    private static final MetaData IMPORTED = MetaData.with("imported", "calcom");

    private final EventStore eventStore;
    private final JdbcTemplate target;
    private final TransactionTemplate transaction;
    private final List<ImportSection> sections;

    public CalcomImport(EventStore eventStore, JdbcTemplate target, TransactionTemplate transaction,
                        List<ImportSection> sections) {
        this.eventStore = eventStore;
        this.target = target;
        this.transaction = transaction;
        this.sections = sections;
    }

    /** A row that breaks one of our rules, by cal.com table and id (a text id, or a composite key joined by '/'). */
    public record RuleBreak(String table, String id, String rule) {
        public RuleBreak(String table, int id, String rule) {
            this(table, String.valueOf(id), rule);
        }
    }

    /** @param deferred rows left out because they name rows of tables not imported yet */
    public record Outcome(Map<String, Integer> imported, List<RuleBreak> ruleBreaks, List<RuleBreak> deferred,
                          boolean written) {
    }

    /** The event store is not empty: an import would mix with what is there. */
    public static class EventStoreNotEmpty extends RuntimeException {
        EventStoreNotEmpty(long events) {
            super("The event store holds " + events + " events already (besides the common out-of-office reasons). The import runs into an empty event store"
                    + " only: point it at a freshly migrated database (after a failed import, drop and recreate it"
                    + " and run the import again from scratch).");
        }
    }

    /** Rule-breaking rows were found and the operator did not choose what to do with them. */
    public static class RuleBreakingRows extends RuntimeException {
        RuleBreakingRows(int count, Path report) {
            super(count + " rows break our rules (listed in " + report + "); nothing was imported. Run again with"
                    + " --skip-rule-breaking to import everything else, or with --import-rule-breaking to import"
                    + " as they are those our rules can hold (overlapping bookings) and leave out the others.");
        }
    }

    /** What the operator chose for rows that break our rules. */
    public enum RuleBreaking {
        /** Nothing is written while any row breaks a rule. */
        REFUSE,
        /** They are left out. */
        SKIP,
        /** Those the lookups can hold (overlapping bookings) are imported as they are; the others are left out. */
        IMPORT
    }

    /**
     * @param source a read-only connection to the cal.com database
     * @param dryRun read and report only
     * @param ruleBreaking what to do with reported rows
     */
    public Outcome run(Connection source, boolean dryRun, RuleBreaking ruleBreaking, Path report, PrintStream out)
            throws SQLException, IOException {
        // Every install starts with cal.com's common out-of-office reasons; they are not the installation's data.
        long events = target.queryForObject(
                "select count(*) from eventstore.domain_event_entry where type <> 'OutOfOfficeReason'", Long.class);
        if (events > 0 && !dryRun) {
            throw new EventStoreNotEmpty(events);
        }
        source.setAutoCommit(false);
        source.setReadOnly(true);
        source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        // With autocommit off, a fetch size makes the driver read each query by a cursor, FETCH rows at a time.
        source.unwrap(PGConnection.class).setDefaultFetchSize(FETCH);
        try {
            long started = System.nanoTime();
            Snapshot snapshot = read(source);
            List<RuleBreak> breaks = new ArrayList<>(snapshot.ruleBreaks());
            ImportedSoFar so = soFar(snapshot, breaks);
            EventTypeImport.Result eventTypes = EventTypeImport.read(source, so, breaks);
            List<RuleBreak> asIs = ruleBreaking == RuleBreaking.IMPORT ? new ArrayList<>() : null;
            BookingImport.Result bookings = BookingImport.read(source, so, eventTypes.facts(), breaks, asIs);
            Set<String> skipped = new HashSet<>();
            breaks.forEach(b -> skipped.add(b.table() + ":" + b.id()));
            List<ImportSection.Result> sectionResults = new ArrayList<>();
            List<Integer> sectionEvents = new ArrayList<>();
            ImportSection.Imported imported = imported(snapshot, skipped, eventTypes.facts().keySet(),
                    bookings.bookingIds());
            for (ImportSection section : sections) {
                if (section instanceof ImportSection.Streamed streamed) {
                    int[] given = {0};
                    sectionResults.add(streamed.read(source, imported, event -> given[0]++));
                    sectionEvents.add(given[0]);
                } else {
                    ImportSection.Result result = section.read(source, imported);
                    sectionResults.add(result);
                    sectionEvents.add(result.events().size());
                }
            }
            out.printf("read and checked in %.1f s%n", (System.nanoTime() - started) / 1e9);
            List<RuleBreak> deferred = new ArrayList<>();
            sectionResults.forEach(r -> {
                breaks.addAll(r.ruleBreaks());
                deferred.addAll(r.deferred());
            });
            writeReport(report, breaks, deferred, asIs == null ? List.of() : asIs);
            if (!breaks.isEmpty() && ruleBreaking == RuleBreaking.REFUSE && !dryRun) {
                throw new RuleBreakingRows(breaks.size(), report);
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<DomainEventMessage<?>> userEvents = new ArrayList<>();
            for (UserRegistered user : snapshot.users()) {
                if (!skipped.contains("users:" + user.userId())) {
                    userEvents.add(event("User", UserIds.aggregateId(user.userId()), 0, user, user.registeredAt()));
                }
            }
            counts.put("users", userEvents.size());
            List<DomainEventMessage<?>> teamEvents = new ArrayList<>();
            for (TeamCreated team : snapshot.teams()) {
                if (!skipped.contains("Team:" + team.teamId())) {
                    teamEvents.add(event("Team", TeamIds.aggregateId(team.teamId()), 0, team, team.createdAt()));
                }
            }
            counts.put("Team", teamEvents.size());
            List<DomainEventMessage<?>> membershipEvents = new ArrayList<>();
            for (MembershipCreated membership : snapshot.memberships()) {
                if (skipped.contains("Membership:" + membership.membershipId())) {
                    continue;
                }
                String id = MembershipIds.aggregateId(membership.membershipId());
                membershipEvents.add(event("Membership", id, 0, membership, membership.createdAt()));
                if (snapshot.impersonationDisabled().contains(membership.membershipId())) {
                    membershipEvents.add(event("Membership", id, 1, new MembershipImpersonationChanged(
                            membership.membershipId(), membership.teamId(), membership.userId(), true,
                            membership.createdAt()), membership.createdAt()));
                }
            }
            counts.put("Membership", (int) membershipEvents.stream()
                    .filter(e -> e.getPayload() instanceof MembershipCreated).count());
            List<DomainEventMessage<?>> scheduleEvents = new ArrayList<>();
            int availability = 0;
            for (ScheduleCreated schedule : snapshot.schedules()) {
                if (skipped.contains("Schedule:" + schedule.scheduleId())) {
                    continue;
                }
                String id = ScheduleIds.aggregateId(schedule.scheduleId());
                scheduleEvents.add(event("Schedule", id, 0, schedule, schedule.createdAt()));
                availability += schedule.availability().size() + schedule.overrides().size();
                Integer defaultOf = snapshot.defaultScheduleOf().get(schedule.userId());
                if (defaultOf != null && defaultOf == schedule.scheduleId()
                        && !skipped.contains("users:" + schedule.userId())) {
                    scheduleEvents.add(event("Schedule", id, 1, new ScheduleMadeDefault(schedule.scheduleId(),
                            schedule.userId(), schedule.createdAt()), schedule.createdAt()));
                }
            }
            counts.put("Schedule", (int) scheduleEvents.stream()
                    .filter(e -> e.getPayload() instanceof ScheduleCreated).count());
            counts.put("Availability", availability);
            counts.putAll(eventTypes.counts());
            counts.putAll(bookings.counts());
            sectionResults.forEach(r -> counts.putAll(r.rows()));
            if (!dryRun) {
                append("users", userEvents, out);
                append("Team", teamEvents, out);
                append("Membership", membershipEvents, out);
                append("Schedule", scheduleEvents, out);
                append("EventType", eventTypes.events(), out);
                // The bookings are read again, in the same snapshot, and appended as they are read.
                try (Appender appender = new Appender("Booking", bookings.events(), out)) {
                    BookingImport.write(source, so, eventTypes.facts(), asIs != null, appender::add);
                }
                advanceSequences(snapshot);
                eventTypes.maxIds().forEach(this::setSequence);
                bookings.maxIds().forEach(this::setSequence);
                // After event types: webhooks and workflow activations may name them.
                for (int i = 0; i < sections.size(); i++) {
                    ImportSection.Result result = sectionResults.get(i);
                    // A section that adds to rows of other tables counts none of its own: its name stands in.
                    String label = result.rows().isEmpty() ? sections.get(i).getClass().getSimpleName()
                            : String.join(", ", result.rows().keySet());
                    try (Appender appender = new Appender(label, sectionEvents.get(i), out)) {
                        if (sections.get(i) instanceof ImportSection.Streamed streamed) {
                            streamed.read(source, imported, appender::add);
                        } else {
                            result.events().forEach(appender::add);
                        }
                    }
                    result.maxIds().forEach(this::setSequence);
                }
            }
            int rows = counts.values().stream().mapToInt(Integer::intValue).sum();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("%s: %s%n", dryRun ? "would import" : "imported", counts);
            out.printf("%d rows in %.1f s: %.0f rows/s%n", rows, seconds, rows / seconds);
            out.println("skipped tables (not read by the import): " + String.join(", ", SKIPPED_TABLES.keySet()));
            SKIPPED_TABLES.forEach((table, why) -> out.printf("  %s: %s%n", table, why));
            if (asIs != null) {
                out.println("rule-breaking rows imported as they are: " + asIs.size()
                        + (asIs.isEmpty() ? "" : " (overlapping bookings; see " + report + ")"));
                out.println("left out even with --import-rule-breaking: " + breaks.size() + (breaks.isEmpty() ? ""
                        : " (rows the lookups or foreign keys cannot hold as they are; see " + report + ")"));
            } else {
                out.println("rule-breaking rows: " + breaks.size() + (breaks.isEmpty() ? "" : " (see " + report + ")"));
            }
            out.println("rows waiting for tables not imported yet: " + deferred.size()
                    + (deferred.isEmpty() ? "" : " (see " + report + ")"));
            return new Outcome(counts, breaks, deferred, !dryRun);
        } finally {
            source.rollback();
        }
    }

    private static ImportSection.Imported imported(Snapshot snapshot, Set<String> skipped,
                                                  Set<Integer> eventTypes, Set<Integer> bookings) {
        Map<Integer, Instant> users = new HashMap<>();
        snapshot.users().stream().filter(u -> !skipped.contains("users:" + u.userId()))
                .forEach(u -> users.put(u.userId(), u.registeredAt()));
        Set<Integer> teams = new HashSet<>();
        Set<Integer> organizations = new HashSet<>();
        snapshot.teams().stream().filter(t -> !skipped.contains("Team:" + t.teamId())).forEach(t -> {
            teams.add(t.teamId());
            if (t.isOrganization()) {
                organizations.add(t.teamId());
            }
        });
        Map<String, Integer> memberships = new HashMap<>();
        snapshot.memberships().stream().filter(m -> !skipped.contains("Membership:" + m.membershipId()))
                .forEach(m -> memberships.put(m.userId() + "/" + m.teamId(), m.membershipId()));
        return new ImportSection.Imported(users, teams, organizations, memberships, eventTypes, bookings);
    }

    /** Users, teams, memberships and schedules that are written: what event types and bookings may point at. */
    private static ImportedSoFar soFar(Snapshot snapshot, List<RuleBreak> breaks) {
        Set<String> skipped = new HashSet<>();
        breaks.forEach(b -> skipped.add(b.table() + ":" + b.id()));
        Map<Integer, UserRegistered> users = new HashMap<>();
        snapshot.users().stream().filter(u -> !skipped.contains("users:" + u.userId()))
                .forEach(u -> users.put(u.userId(), u));
        Set<Integer> teams = new HashSet<>();
        snapshot.teams().stream().filter(t -> !skipped.contains("Team:" + t.teamId())).forEach(t -> teams.add(t.teamId()));
        Set<Integer> memberships = new HashSet<>();
        snapshot.memberships().stream().filter(m -> !skipped.contains("Membership:" + m.membershipId()))
                .forEach(m -> memberships.add(m.membershipId()));
        Set<Integer> schedules = new HashSet<>();
        snapshot.schedules().stream().filter(s -> !skipped.contains("Schedule:" + s.scheduleId()))
                .forEach(s -> schedules.add(s.scheduleId()));
        return new ImportedSoFar(users, teams, memberships, schedules);
    }

    static int maxId(Connection source, String table) throws SQLException {
        try (var statement = source.createStatement();
             var rows = statement.executeQuery("select coalesce(max(id), 0) from \"" + table + "\"")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static DomainEventMessage<?> event(String type, String aggregateId, long sequence, Object payload,
                                               Instant at) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, IMPORTED,
                UUID.randomUUID().toString(), at);
    }

    private void append(String table, List<DomainEventMessage<?>> events, PrintStream out) {
        try (Appender appender = new Appender(table, events.size(), out)) {
            events.forEach(appender::add);
        }
    }

    /**
     * Appends events as they come, in batches of one transaction each: the events and the lookups they fill
     * commit together. Only one batch is held at a time; a bar shows how many of the table's events are in.
     */
    private final class Appender implements AutoCloseable {
        private final String table;
        private final int total;
        private final PrintStream out;
        private final List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        private final List<ImportSection.Pending> pending = new ArrayList<>(BATCH);
        private int done;

        Appender(String table, int total, PrintStream out) {
            this.table = table;
            this.total = total;
            this.out = out;
        }

        void add(DomainEventMessage<?> event) {
            batch.add(event);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void add(ImportSection.Pending event) {
            pending.add(event);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            batch.addAll(sequenced(pending));
            pending.clear();
            if (batch.isEmpty()) {
                return;
            }
            transaction.executeWithoutResult(status -> eventStore.publish(batch));
            done += batch.size();
            batch.clear();
            out.printf("\r%-14s %s %d/%d events", table, bar(done, total), done, total);
        }

        @Override
        public void close() {
            flush();
            out.println();
        }
    }

    /**
     * Numbers each aggregate's events after those it has already, in this batch or in the event store: the
     * batches before are committed, so an aggregate whose events span two batches goes on where it stopped.
     */
    private List<DomainEventMessage<?>> sequenced(List<ImportSection.Pending> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<String, Long> next = new HashMap<>();
        String[] ids = pending.stream().map(ImportSection.Pending::aggregateId).distinct().toArray(String[]::new);
        target.query("""
                select aggregate_identifier, max(sequence_number) + 1 from eventstore.domain_event_entry
                where aggregate_identifier = any(?) group by aggregate_identifier""",
                (java.sql.ResultSet row) -> {
                    next.put(row.getString(1), row.getLong(2));
                }, (Object) ids);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (ImportSection.Pending p : pending) {
            long sequence = next.getOrDefault(p.aggregateId(), 0L);
            next.put(p.aggregateId(), sequence + 1);
            events.add(event(p.aggregateType(), p.aggregateId(), sequence, p.payload(), p.at()));
        }
        return events;
    }

    private static String bar(int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
    }

    /** New rows take ids after the imported ones: the id allocator draws from these sequences. */
    private void advanceSequences(Snapshot snapshot) {
        setSequence("users", snapshot.maxIds().get("users"));
        setSequence("Team", snapshot.maxIds().get("Team"));
        setSequence("Membership", snapshot.maxIds().get("Membership"));
        setSequence("Schedule", snapshot.maxIds().get("Schedule"));
        setSequence("Availability", snapshot.maxIds().get("Availability"));
    }

    void setSequence(String table, Integer max) {
        if (max != null && max > 0) {
            target.queryForObject("select setval(pg_get_serial_sequence(?, 'id'), greatest(?, "
                    + "(select coalesce(max(id), 1) from \"" + table + "\")))", Long.class, '"' + table + '"', max);
        }
    }

    private static void writeReport(Path report, List<RuleBreak> breaks, List<RuleBreak> deferred,
                                    List<RuleBreak> asIs) throws IOException {
        StringBuilder text = new StringBuilder("table\tid\trule\n");
        asIs.forEach(b -> text.append(b.table()).append('\t').append(b.id()).append("\timported as it is: ")
                .append(b.rule()).append('\n'));
        breaks.forEach(b -> text.append(b.table()).append('\t').append(b.id()).append('\t').append(b.rule())
                .append('\n'));
        deferred.forEach(b -> text.append(b.table()).append('\t').append(b.id()).append("\tnot imported yet: ")
                .append(b.rule()).append('\n'));
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, text);
    }

    private record Snapshot(List<UserRegistered> users, List<TeamCreated> teams, List<MembershipCreated> memberships,
                            Set<Integer> impersonationDisabled, List<ScheduleCreated> schedules,
                            Map<Integer, Integer> defaultScheduleOf, List<RuleBreak> ruleBreaks,
                            Map<String, Integer> maxIds) {
    }

    private static Snapshot read(Connection source) throws SQLException {
        List<RuleBreak> breaks = new ArrayList<>();
        List<UserRegistered> users = new ArrayList<>();
        Map<Integer, Integer> defaultScheduleOf = new HashMap<>();
        Map<String, Integer> firstByEmail = new HashMap<>();
        Map<String, Integer> firstByUsername = new HashMap<>();
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, uuid, email, username, name, "timeZone", "weekStart", locale, "timeFormat",
                       "identityProvider"::text, "identityProviderId", "creationSource"::text, created,
                       "defaultScheduleId", jsonb_typeof(metadata) as metadata_type
                from users order by id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                String email = rows.getString("email");
                String username = rows.getString("username");
                // Our lookups hold one user per email and per username in any letter case.
                if (firstByEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), id) != null) {
                    breaks.add(new RuleBreak("users", id, "email equals user "
                            + firstByEmail.get(email.toLowerCase(Locale.ROOT)) + "'s ignoring case"));
                } else if (username != null
                        && firstByUsername.putIfAbsent(username.toLowerCase(Locale.ROOT), id) != null) {
                    breaks.add(new RuleBreak("users", id, "username equals user "
                            + firstByUsername.get(username.toLowerCase(Locale.ROOT)) + "'s ignoring case"));
                }
                Integer timeFormat = (Integer) rows.getObject("timeFormat");
                // A user's clock shows 12 or 24 hours here; a null would come back as cal.com's default, 12.
                if (timeFormat == null || (timeFormat != 12 && timeFormat != 24)) {
                    breaks.add(new RuleBreak("users", id, "timeFormat " + timeFormat + " is not 12 or 24"));
                }
                notAnObject(breaks, "users", id, rows.getString("metadata_type"));
                String creationSource = rows.getString("creationSource");
                users.add(new UserRegistered(id, rows.getObject("uuid", UUID.class), email, username,
                        rows.getString("name"), rows.getString("timeZone"), rows.getString("weekStart"),
                        rows.getString("locale"), timeFormat == null ? 12 : timeFormat,
                        IdentityProvider.valueOf(rows.getString(10)), rows.getString("identityProviderId"),
                        creationSource == null ? null : CreationSource.valueOf(creationSource),
                        instant(rows.getTimestamp("created"))));
                Integer defaultSchedule = (Integer) rows.getObject("defaultScheduleId");
                if (defaultSchedule != null) {
                    defaultScheduleOf.put(id, defaultSchedule);
                }
            }
        }
        Map<Integer, UserRegistered> userById = new HashMap<>();
        users.forEach(u -> userById.put(u.userId(), u));
        Map<Integer, Integer> ownerOf = new HashMap<>();
        List<MembershipCreated> memberships = new ArrayList<>();
        Set<Integer> impersonationDisabled = new HashSet<>();
        Set<Integer> teamIds = new HashSet<>();
        try (var statement = source.createStatement();
             var rows = statement.executeQuery("select id from \"Team\"")) {
            while (rows.next()) {
                teamIds.add(rows.getInt(1));
            }
        }
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, "teamId", "userId", accepted, role::text, "disableImpersonation", "createdAt"
                from "Membership" order by id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                int teamId = rows.getInt("teamId");
                int userId = rows.getInt("userId");
                if (!teamIds.contains(teamId) || !userById.containsKey(userId)) {
                    breaks.add(new RuleBreak("Membership", id, "team " + teamId + " or user " + userId
                            + " does not exist"));
                    continue;
                }
                MembershipRole role = MembershipRole.valueOf(rows.getString("role"));
                if (role == MembershipRole.OWNER) {
                    ownerOf.putIfAbsent(teamId, userId);
                }
                Timestamp created = rows.getTimestamp("createdAt");
                memberships.add(new MembershipCreated(id, teamId, userId, role, rows.getBoolean("accepted"),
                        created == null ? null : instant(created)));
                if (rows.getBoolean("disableImpersonation")) {
                    impersonationDisabled.add(id);
                }
            }
        }
        List<TeamCreated> teams = new ArrayList<>();
        Map<String, Integer> firstBySlug = new HashMap<>();
        // Organizations first, so a sub-team's parent is there before it.
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, name, slug, "parentId", "isOrganization", "createdAt", bio, "hideBranding",
                       "hideBookATeamMember", "brandColor", "darkBrandColor", theme, "logoUrl", "calVideoLogo",
                       "appLogo", "appIconLogo", "bannerUrl", "timeFormat", "timeZone", "weekStart", "isPrivate",
                       metadata::text, "bookingLimits"::text, "includeManagedEventsInLimits",
                       "rrResetInterval"::text, "rrTimestampBasis"::text, "hideTeamProfileLink",
                       jsonb_typeof(metadata) as metadata_type
                from "Team" order by "parentId" is not null, id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                Integer parentId = (Integer) rows.getObject("parentId");
                String slug = rows.getString("slug");
                if (parentId != null && !teamIds.contains(parentId)) {
                    breaks.add(new RuleBreak("Team", id, "parent team " + parentId + " does not exist"));
                    continue;
                }
                // Our lookups hold a top-level slug once, and a sub-team's slug once per parent.
                if (slug != null && firstBySlug.putIfAbsent(parentId + "/" + slug, id) != null) {
                    breaks.add(new RuleBreak("Team", id, "slug '" + slug + "' is team "
                            + firstBySlug.get(parentId + "/" + slug) + "'s already"));
                    continue;
                }
                if (notAnObject(breaks, "Team", id, rows.getString("metadata_type"))) {
                    continue;
                }
                String interval = rows.getString("rrResetInterval");
                TeamSettings settings = new TeamSettings(rows.getString("bio"), rows.getBoolean("hideBranding"),
                        rows.getBoolean("hideBookATeamMember"), rows.getString("brandColor"),
                        rows.getString("darkBrandColor"), rows.getString("theme"), rows.getString("logoUrl"),
                        rows.getString("calVideoLogo"), rows.getString("appLogo"), rows.getString("appIconLogo"),
                        rows.getString("bannerUrl"), (Integer) rows.getObject("timeFormat"),
                        rows.getString("timeZone"), rows.getString("weekStart"), rows.getBoolean("isPrivate"),
                        json(rows.getString("metadata")), json(rows.getString("bookingLimits")),
                        rows.getBoolean("includeManagedEventsInLimits"),
                        interval == null ? null : RRResetInterval.valueOf(interval),
                        RRTimestampBasis.valueOf(rows.getString("rrTimestampBasis")),
                        rows.getBoolean("hideTeamProfileLink"));
                // cal.com does not keep who made a team; its first owner stands in.
                teams.add(new TeamCreated(id, rows.getString("name"), slug, parentId,
                        rows.getBoolean("isOrganization"), settings, ownerOf.getOrDefault(id, 0),
                        instant(rows.getTimestamp("createdAt"))));
            }
        }
        Set<Integer> teamsBreaking = new HashSet<>();
        breaks.stream().filter(b -> b.table().equals("Team")).forEach(b -> teamsBreaking.add(Integer.valueOf(b.id())));
        for (MembershipCreated membership : memberships) {
            if (teamsBreaking.contains(membership.teamId())) {
                breaks.add(new RuleBreak("Membership", membership.membershipId(), "team " + membership.teamId()
                        + " breaks a rule"));
            }
        }
        Map<Integer, List<WeeklyRange>> weekly = new HashMap<>();
        Map<Integer, List<DateOverride>> overrides = new HashMap<>();
        Set<Integer> scheduleIds = new HashSet<>();
        try (var statement = source.createStatement();
             var rows = statement.executeQuery("select id from \"Schedule\"")) {
            while (rows.next()) {
                scheduleIds.add(rows.getInt(1));
            }
        }
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, "scheduleId", days, date, "startTime", "endTime" from "Availability" order by id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                Integer scheduleId = (Integer) rows.getObject("scheduleId");
                if (scheduleId == null || !scheduleIds.contains(scheduleId)) {
                    breaks.add(new RuleBreak("Availability", id, "belongs to no schedule (scheduleId "
                            + scheduleId + ")"));
                    continue;
                }
                if (rows.getObject("date") != null) {
                    overrides.computeIfAbsent(scheduleId, s -> new ArrayList<>()).add(new DateOverride(id,
                            rows.getDate("date").toLocalDate(), rows.getTime("startTime").toLocalTime(),
                            rows.getTime("endTime").toLocalTime()));
                } else {
                    weekly.computeIfAbsent(scheduleId, s -> new ArrayList<>()).add(new WeeklyRange(id,
                            days(rows.getArray("days")), rows.getTime("startTime").toLocalTime(),
                            rows.getTime("endTime").toLocalTime()));
                }
            }
        }
        List<ScheduleCreated> schedules = new ArrayList<>();
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, "userId", name, "timeZone" from "Schedule" order by id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                int userId = rows.getInt("userId");
                UserRegistered owner = userById.get(userId);
                if (owner == null) {
                    breaks.add(new RuleBreak("Schedule", id, "owner user " + userId + " does not exist"));
                    continue;
                }
                // cal.com keeps no creation time of a schedule; its owner's registration stands in.
                schedules.add(new ScheduleCreated(id, userId, rows.getString("name"), rows.getString("timeZone"),
                        weekly.getOrDefault(id, List.of()), overrides.getOrDefault(id, List.of()),
                        owner.registeredAt()));
            }
        }
        Set<Integer> importableSchedules = new HashSet<>();
        schedules.forEach(s -> importableSchedules.add(s.scheduleId()));
        for (var entry : defaultScheduleOf.entrySet()) {
            boolean own = schedules.stream().anyMatch(s -> s.scheduleId() == entry.getValue()
                    && s.userId() == entry.getKey());
            if (!own && breaks.stream().noneMatch(b -> b.table().equals("users")
                    && b.id().equals(String.valueOf(entry.getKey())))) {
                breaks.add(new RuleBreak("users", entry.getKey(), "defaultScheduleId " + entry.getValue()
                        + " is not a schedule of this user"));
            }
        }
        // A skipped user takes their schedules along: they would belong to no one.
        Set<Integer> skippedUsers = new HashSet<>();
        breaks.stream().filter(b -> b.table().equals("users")).forEach(b -> skippedUsers.add(Integer.valueOf(b.id())));
        for (ScheduleCreated schedule : schedules) {
            if (skippedUsers.contains(schedule.userId())) {
                breaks.add(new RuleBreak("Schedule", schedule.scheduleId(), "owner user " + schedule.userId()
                        + " breaks a rule"));
                schedule.availability().forEach(a -> breaks.add(new RuleBreak("Availability", a.availabilityId(),
                        "schedule " + schedule.scheduleId() + " breaks a rule")));
                schedule.overrides().forEach(a -> breaks.add(new RuleBreak("Availability", a.availabilityId(),
                        "schedule " + schedule.scheduleId() + " breaks a rule")));
            }
        }
        for (MembershipCreated membership : memberships) {
            if (skippedUsers.contains(membership.userId())) {
                breaks.add(new RuleBreak("Membership", membership.membershipId(), "user " + membership.userId()
                        + " breaks a rule"));
            }
        }
        Map<String, Integer> maxIds = new HashMap<>();
        for (String table : List.of("users", "Team", "Membership", "Schedule", "Availability")) {
            try (var statement = source.createStatement();
                 var rows = statement.executeQuery("select coalesce(max(id), 0) from \"" + table + "\"")) {
                rows.next();
                maxIds.put(table, rows.getInt(1));
            }
        }
        return new Snapshot(users, teams, memberships, impersonationDisabled, schedules, defaultScheduleOf, breaks,
                maxIds);
    }

    /**
     * Our users and teams keep metadata as a JSON object, and their events carry it so: another value (an array, a
     * text, a JSON null) cannot be imported as it is, so the row is reported and left out.
     */
    private static boolean notAnObject(List<RuleBreak> breaks, String table, int id, String type) {
        if (type == null || type.equals("object")) {
            return false;
        }
        breaks.add(new RuleBreak(table, id, "metadata is a JSON " + type + ", not an object; our events carry"
                + " an object only, so the row is left out"));
        return true;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> json(String text) {
        try {
            return text == null ? null : JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("Not a JSON object: " + text, e);
        }
    }

    private static List<Integer> days(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    /** cal.com stores times without a zone, meaning UTC. */
    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
