package com.calcomalt.query.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL of a rebuild beside the live tables: a shadow schema with empty copies of a processor's
 * tables (Flyway's DDL, taken with {@code LIKE}, and the live tables' foreign keys with their ON
 * DELETE and ON UPDATE actions, pointed at the shadow copy where the parent is rebuilt too and at the
 * live parent otherwise, since that is what the rebuilding processor reads), the per-table comparison
 * of the verify step, and the merge that makes the live tables equal to the shadow in the switch
 * transaction.
 *
 * <p>The switch merges instead of renaming tables because the live tables cannot be swapped: the
 * views {@code BookingTimeStatus} and {@code BookingTimeStatusDenormalized}, other tables' foreign keys
 * (with ON DELETE CASCADE, from tables this rebuild does not own) and Flyway's schema all hold on to
 * the live tables themselves. A merge deletes, inserts and updates only the rows that differ, so
 * readers (MVCC) see the old rows until it commits and the new ones after, never an empty table.
 */
class ShadowTables {

    /** A live table: its schema and name as PostgreSQL spells them. */
    record Table(String schema, String name) {
        String qualified() {
            return quote(schema) + "." + quote(name);
        }

        String in(String shadowSchema) {
            return quote(shadowSchema) + "." + quote(name);
        }

        @Override
        public String toString() {
            return "public".equals(schema) ? name : schema + "." + name;
        }
    }

    /** Row count and checksum (md5 of the ordered md5s of every row's text) of the live table and of the rebuilt one. */
    record Comparison(String table, long liveRows, long rebuiltRows, String liveChecksum, String rebuiltChecksum) {
        public boolean identical() {
            return liveRows == rebuiltRows && liveChecksum.equals(rebuiltChecksum);
        }
    }

    private record Column(String name, String type, boolean nullable) {
    }

    private record ForeignKey(Table from, Table to, List<String> columns) {
    }

    private final JdbcTemplate jdbc;

    ShadowTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(Table table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class,
                table.qualified()));
    }

    void create(String shadowSchema, Collection<Table> tables) {
        drop(shadowSchema);
        jdbc.execute("create schema " + quote(shadowSchema));
        for (Table table : tables) {
            jdbc.execute("create table " + table.in(shadowSchema) + " (like " + table.qualified()
                    + " including defaults including constraints including indexes including generated including identity)");
        }
        // Projectors rely on the database's cascades (a deleted organization takes its sub-teams, sets
        // its members' organizationId to null): without the keys the shadow would keep those rows.
        for (String key : foreignKeysOf(shadowSchema, Set.copyOf(tables))) {
            jdbc.execute(key);
        }
    }

    /**
     * The live foreign keys of these tables as {@code alter table} statements on their shadow copies,
     * each with its columns, referenced columns, match type, ON UPDATE and ON DELETE actions and
     * deferrability as Flyway created it.
     */
    private List<String> foreignKeysOf(String shadowSchema, Set<Table> tables) {
        List<String> statements = new ArrayList<>();
        jdbc.query("""
                select c.conname, fn.nspname, f.relname, tn.nspname, t.relname,
                       array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n),
                       array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, n)
                             join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.n),
                       c.confmatchtype, c.confupdtype, c.confdeltype, c.condeferrable, c.condeferred
                from pg_constraint c
                join pg_class f on f.oid = c.conrelid join pg_namespace fn on fn.oid = f.relnamespace
                join pg_class t on t.oid = c.confrelid join pg_namespace tn on tn.oid = t.relnamespace
                where c.contype = 'f'
                order by f.relname, c.conname""", rs -> {
            Table from = new Table(rs.getString(2), rs.getString(3));
            if (!tables.contains(from)) {
                return;
            }
            Table to = new Table(rs.getString(4), rs.getString(5));
            String columns = quoted((String[]) rs.getArray(6).getArray());
            String referenced = quoted((String[]) rs.getArray(7).getArray());
            statements.add("alter table " + from.in(shadowSchema) + " add constraint " + quote(rs.getString(1))
                    + " foreign key (" + columns + ") references "
                    + (tables.contains(to) ? to.in(shadowSchema) : to.qualified()) + " (" + referenced + ")"
                    + ("f".equals(rs.getString(8)) ? " match full" : "")
                    + " on update " + action(rs.getString(9)) + " on delete " + action(rs.getString(10))
                    + (rs.getBoolean(11) ? " deferrable initially " + (rs.getBoolean(12) ? "deferred" : "immediate") : ""));
        });
        return statements;
    }

    private static String action(String code) {
        return switch (code) {
            case "a" -> "no action";
            case "r" -> "restrict";
            case "c" -> "cascade";
            case "n" -> "set null";
            case "d" -> "set default";
            default -> throw new IllegalStateException("Unknown foreign key action " + code);
        };
    }

    private static String quoted(String[] names) {
        return Arrays.stream(names).map(ShadowTables::quote).collect(Collectors.joining(", "));
    }

    void drop(String shadowSchema) {
        jdbc.execute("drop schema if exists " + quote(shadowSchema) + " cascade");
    }

    List<Comparison> compare(String shadowSchema, Collection<Table> tables) {
        List<Comparison> comparisons = new ArrayList<>();
        for (Table table : tables) {
            List<String> key = rowKey(table);
            String order = key.isEmpty() ? "t::text"
                    : key.stream().map(c -> "t." + quote(c)).collect(Collectors.joining(", "));
            String sql = "select count(*), coalesce(md5(string_agg(md5(t::text), '' order by " + order + ")), '') from %s t";
            Object[] live = checksum(sql.formatted(table.qualified()));
            Object[] rebuilt = checksum(sql.formatted(table.in(shadowSchema)));
            comparisons.add(new Comparison(table.toString(), (Long) live[0], (Long) rebuilt[0], (String) live[1],
                    (String) rebuilt[1]));
        }
        return comparisons;
    }

    private Object[] checksum(String sql) {
        return jdbc.queryForObject(sql, (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
    }

    /**
     * Makes every live table equal to its shadow, in the caller's transaction: first the rows the
     * rebuild does not have, children before parents (their cascades reach only rows that point at
     * rows that should not exist); then new and changed rows, parents before children; then the
     * columns of a foreign-key cycle ({@code users.movedToProfileId} and {@code Profile.userId}),
     * which the upsert left as they were, or null on a new row. Returns the rows changed per table.
     */
    Map<String, Long> mergeIntoLive(Map<Table, String> shadowSchemas) {
        List<ForeignKey> keys = foreignKeys(shadowSchemas.keySet());
        Map<Table, Set<String>> deferred = new LinkedHashMap<>();
        List<Table> parentsFirst = parentsFirst(shadowSchemas.keySet(), keys, deferred);
        Map<String, Long> changed = new LinkedHashMap<>();
        List<Table> childrenFirst = new ArrayList<>(parentsFirst);
        Collections.reverse(childrenFirst);
        for (Table table : childrenFirst) {
            String shadow = table.in(shadowSchemas.get(table));
            List<String> rowKey = rowKey(table);
            // Without a key, a row is its whole text: a changed row is deleted here and inserted again below.
            String key = rowKey.isEmpty() ? "s::text = l::text"
                    : rowKey.stream().map(c -> "s." + quote(c) + " = l." + quote(c)).collect(Collectors.joining(" and "));
            long deleted = jdbc.update("delete from " + table.qualified() + " l where not exists (select 1 from "
                    + shadow + " s where " + key + ")");
            changed.merge(table.toString(), deleted, Long::sum);
        }
        for (Table table : parentsFirst) {
            changed.merge(table.toString(), upsert(table, shadowSchemas.get(table), deferred.getOrDefault(table, Set.of())),
                    Long::sum);
        }
        for (var entry : deferred.entrySet()) {
            Table table = entry.getKey();
            List<String> columns = List.copyOf(entry.getValue());
            String set = columns.stream().map(c -> quote(c) + " = s." + quote(c)).collect(Collectors.joining(", "));
            String key = rowKey(table).stream().map(c -> "s." + quote(c) + " = l." + quote(c))
                    .collect(Collectors.joining(" and "));
            String differs = "(" + columns.stream().map(c -> "l." + quote(c)).collect(Collectors.joining(", "))
                    + ") is distinct from (" + columns.stream().map(c -> "s." + quote(c)).collect(Collectors.joining(", ")) + ")";
            if (columns.size() == 1) {
                differs = "l." + quote(columns.get(0)) + " is distinct from s." + quote(columns.get(0));
            }
            jdbc.update("update " + table.qualified() + " l set " + set + " from " + table.in(shadowSchemas.get(table))
                    + " s where " + key + " and " + differs);
        }
        return changed;
    }

    private long upsert(Table table, String shadowSchema, Set<String> deferred) {
        List<Column> columns = columns(table);
        List<String> key = rowKey(table);
        if (key.isEmpty()) {
            return insertMissingWholeRows(table, shadowSchema, columns);
        }
        String names = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        String selected = columns.stream()
                .map(c -> deferred.contains(c.name()) ? "null::" + c.type() : "s." + quote(c.name()))
                .collect(Collectors.joining(", "));
        String joinKey = key.stream().map(c -> "s." + quote(c) + " = l." + quote(c)).collect(Collectors.joining(" and "));
        String differs = columns.stream().filter(c -> !deferred.contains(c.name()))
                .map(c -> comparable("l", c) + " is distinct from " + comparable("s", c))
                .collect(Collectors.joining(" or "));
        List<String> updated = columns.stream().map(Column::name)
                .filter(c -> !key.contains(c) && !deferred.contains(c)).toList();
        String onConflict = updated.isEmpty() ? "do nothing"
                : "do update set " + updated.stream().map(c -> quote(c) + " = excluded." + quote(c))
                        .collect(Collectors.joining(", "));
        return jdbc.update("insert into " + table.qualified() + " (" + names + ") select " + selected + " from "
                + table.in(shadowSchema) + " s left join " + table.qualified() + " l on " + joinKey
                + " where l." + quote(key.get(0)) + " is null or " + differs
                + " on conflict (" + key.stream().map(ShadowTables::quote).collect(Collectors.joining(", ")) + ") "
                + onConflict);
    }

    private long insertMissingWholeRows(Table table, String shadowSchema, List<Column> columns) {
        String names = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        return jdbc.update("insert into " + table.qualified() + " (" + names + ") select " + names + " from "
                + table.in(shadowSchema) + " s where not exists (select 1 from " + table.qualified()
                + " l where l::text = s::text)");
    }

    /** json has no equality operator; its text is what the projector wrote. */
    private static String comparable(String alias, Column column) {
        String ref = alias + "." + quote(column.name());
        return "json".equals(column.type()) || "xml".equals(column.type()) ? ref + "::text" : ref;
    }

    private List<Column> columns(Table table) {
        return jdbc.query("""
                select a.attname, format_type(a.atttypid, a.atttypmod), not a.attnotnull
                from pg_attribute a
                where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""",
                (rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)), table.qualified());
    }

    /**
     * What identifies a row: the primary key, or else a unique index over columns that may not be
     * null (cal.com's {@code UserPassword} has only {@code userId}'s); empty when neither exists.
     */
    List<String> rowKey(Table table) {
        List<List<String>> keys = jdbc.query("""
                select array_agg(a.attname::text order by k.n), bool_and(a.attnotnull), i.indisprimary
                from pg_index i
                join lateral unnest(i.indkey) with ordinality k(attnum, n) on true
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                where i.indrelid = ?::regclass and i.indisunique and i.indpred is null and i.indexprs is null
                group by i.indexrelid, i.indisprimary
                having bool_and(a.attnotnull)
                order by i.indisprimary desc, count(*), i.indexrelid""",
                (rs, n) -> List.of((String[]) rs.getArray(1).getArray()), table.qualified());
        return keys.isEmpty() ? List.of() : keys.get(0);
    }

    private List<ForeignKey> foreignKeys(Set<Table> tables) {
        List<ForeignKey> keys = new ArrayList<>();
        jdbc.query("""
                select fn.nspname, f.relname, tn.nspname, t.relname,
                       (select array_agg(a.attname::text) from pg_attribute a
                        where a.attrelid = c.conrelid and a.attnum = any(c.conkey))
                from pg_constraint c
                join pg_class f on f.oid = c.conrelid join pg_namespace fn on fn.oid = f.relnamespace
                join pg_class t on t.oid = c.confrelid join pg_namespace tn on tn.oid = t.relnamespace
                where c.contype = 'f'""", rs -> {
            Table from = new Table(rs.getString(1), rs.getString(2));
            Table to = new Table(rs.getString(3), rs.getString(4));
            if (tables.contains(from) && tables.contains(to) && !from.equals(to)) {
                keys.add(new ForeignKey(from, to, List.of((String[]) rs.getArray(5).getArray())));
            }
        });
        return keys;
    }

    /**
     * Tables ordered so that each comes after the tables it points at. A cycle is broken at a
     * foreign key whose columns may be null: those columns are written in a last step.
     */
    private List<Table> parentsFirst(Set<Table> tables, List<ForeignKey> keys, Map<Table, Set<String>> deferred) {
        List<Table> ordered = new ArrayList<>();
        Set<Table> remaining = new LinkedHashSet<>(tables);
        List<ForeignKey> open = new ArrayList<>(keys);
        while (!remaining.isEmpty()) {
            Set<Table> waiting = new HashSet<>();
            open.forEach(k -> {
                if (remaining.contains(k.to())) {
                    waiting.add(k.from());
                }
            });
            List<Table> ready = remaining.stream().filter(t -> !waiting.contains(t)).toList();
            if (ready.isEmpty()) {
                ForeignKey broken = open.stream()
                        .filter(k -> remaining.contains(k.from()) && remaining.contains(k.to()) && nullable(k))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("The tables " + remaining
                                + " point at each other by foreign keys that may not be null"));
                deferred.computeIfAbsent(broken.from(), t -> new LinkedHashSet<>()).addAll(broken.columns());
                open.remove(broken);
                continue;
            }
            ordered.addAll(ready);
            ready.forEach(remaining::remove);
        }
        return ordered;
    }

    private boolean nullable(ForeignKey key) {
        return columns(key.from()).stream().filter(c -> key.columns().contains(c.name())).allMatch(Column::nullable);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
