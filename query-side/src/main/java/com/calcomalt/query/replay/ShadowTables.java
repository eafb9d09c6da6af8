package com.calcomalt.query.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL of a rebuild beside the live tables: a shadow schema with empty copies of a processor's
 * tables (Flyway's DDL, taken with {@code LIKE}, every index and key by its live name, and the live
 * tables' foreign keys with their ON DELETE and ON UPDATE actions, pointed at the shadow copy where
 * the parent is rebuilt too and at the live parent otherwise, since that is what the rebuilding
 * processor reads), the per-table comparison of the verify step, and the swap that puts the shadow
 * copies in the place of the live tables in the switch transaction.
 *
 * <p>The switch swaps rather than merges: a merge compares and writes every row while the live
 * processor is stopped (8 to 67 s for 100,000 bookings), a swap changes only catalogs. Readers (MVCC)
 * see the old tables until it commits and the new ones after, never an empty or half-built table;
 * they wait only while it holds its locks.
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

    private final JdbcTemplate jdbc;

    ShadowTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(Table table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class,
                table.qualified()));
    }

    /**
     * Creates the shadow copies with every key and index but those named in {@code later}, and
     * answers the statements that create those: the caller builds them once the shadow has reached
     * the head (see ProjectionTables.BUILT_AT_THE_HEAD).
     */
    List<String> create(String shadowSchema, Collection<Table> tables, Set<String> later) {
        drop(shadowSchema);
        jdbc.execute("create schema " + quote(shadowSchema));
        List<String> deferred = new ArrayList<>();
        for (Table table : tables) {
            jdbc.execute("create table " + table.in(shadowSchema) + " (like " + table.qualified()
                    + " including defaults including constraints including generated including identity)");
            // LIKE would name copied indexes after their columns; swapped into place they must carry the
            // live names (CalcomSchemaConformanceTest holds them to cal.com's), so each is made by its own.
            for (Index index : indexesOf(table, shadowSchema)) {
                if (index.constraint() || !later.contains(index.name())) {
                    jdbc.execute(index.definition());
                } else {
                    deferred.add(index.definition());
                }
            }
        }
        // Projectors rely on the database's cascades (a deleted organization takes its sub-teams, sets
        // its members' organizationId to null): without the keys the shadow would keep those rows.
        for (String key : foreignKeysOf(shadowSchema, Set.copyOf(tables))) {
            jdbc.execute(key);
        }
        return deferred;
    }

    /** Builds the indexes {@link #create} left for later. */
    void createIndexes(List<String> definitions) {
        definitions.forEach(jdbc::execute);
    }

    private record Index(String name, boolean constraint, String definition) {
    }

    /** The live table's primary key, unique constraints and indexes, by their live names, on its shadow copy. */
    private List<Index> indexesOf(Table table, String shadowSchema) {
        return jdbc.query("""
                select con.conname, pg_get_constraintdef(con.oid), pg_get_indexdef(i.indexrelid),
                       quote_ident(n.nspname) || '.' || quote_ident(t.relname), ic.relname
                from pg_index i
                join pg_class ic on ic.oid = i.indexrelid
                join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
                left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid
                     and con.contype in ('p', 'u', 'x')
                where i.indrelid = ?::regclass
                order by i.indisprimary desc, ic.relname""", (rs, n) -> {
            if (rs.getString(1) != null) {
                return new Index(rs.getString(1), true, "alter table " + table.in(shadowSchema) + " add constraint "
                        + quote(rs.getString(1)) + " " + rs.getString(2));
            }
            String definition = rs.getString(3);
            String on = " ON " + rs.getString(4) + " USING ";
            if (!definition.contains(on)) {
                throw new IllegalStateException("Cannot copy the index " + definition + " into the rebuild");
            }
            return new Index(rs.getString(5), false, definition.replace(on, " ON " + table.in(shadowSchema) + " USING "));
        }, table.qualified());
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
     * What a switch did in its transaction: per live table, its relation (oid) after the switch and
     * the rows the transaction wrote into it (none: the rebuilt rows are swapped in, not copied); per
     * table that is not rebuilt, the rows deleted or updated because they pointed at rows the rebuild
     * no longer has; and the foreign keys re-added NOT VALID, to validate once it committed.
     */
    record Swap(Map<String, Long> relations, Map<String, Long> rowsWritten, Map<String, Long> detached,
                List<String[]> foreignKeysToValidate) {
    }

    /**
     * A swap's statements, worked out from the catalogs before the live processor stops (they change
     * only with a migration), with the relations whose rows it counts afterwards.
     */
    record SwapPlan(String statements, Map<Long, Table> rebuilt, Map<Long, String> children,
                    List<String[]> foreignKeysToValidate) {
    }

    private record View(String name, String definition, String options) {
    }

    /** A foreign key into a live table from a table that stays: its child's name now and after the switch. */
    private record ForeignKey(String name, long child, String childBefore, String childAfter, String definition, Table parent,
                              String onDelete, List<String> columns, List<String> referenced) {
    }

    /**
     * The swap that puts every shadow copy in the place of its live table in one transaction, touching
     * catalogs and not rows, so it takes about as long at any size: the live tables move
     * to {@code retiredSchemas} (their indexes and constraints with them) and the shadow copies, which
     * carry the live names, move into the live schemas. What holds on to a live table itself is moved
     * over in the same transaction: the views on it are dropped and created again from their
     * definitions; the sequences its columns own become the new table's; and each foreign key into it
     * from a table that stays is dropped and added again NOT VALID on the new table (validated after
     * the commit, without blocking anyone), after the rows it would have cascaded away or set to null
     * had the rebuild's rows been merged were deleted or set to null (NO ACTION or RESTRICT: the
     * switch fails, as the merge did). Every table involved is locked first, in one statement, so a
     * lock timeout leaves nothing half done.
     */
    SwapPlan planSwap(Map<Table, String> shadowSchemas, Map<Table, String> retiredSchemas) {
        if (shadowSchemas.isEmpty()) {
            return new SwapPlan("", Map.of(), Map.of(), List.of());
        }
        Map<String, Long> oids = oids(shadowSchemas.entrySet().stream()
                .flatMap(e -> Stream.of(e.getKey().qualified(), e.getKey().in(e.getValue()))).toList());
        Map<Long, Table> live = new LinkedHashMap<>();
        Map<Long, Table> rebuilt = new LinkedHashMap<>();
        shadowSchemas.forEach((table, shadow) -> {
            live.put(oids.get(table.qualified()), table);
            rebuilt.put(oids.get(table.in(shadow)), table);
        });
        String liveOids = live.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
        // LIKE copies none of these; a swap would lose them, so the switch refuses before anything stops.
        List<String> unswappable = jdbc.queryForList("""
                select c.oid::regclass::text from pg_class c where c.oid in (%s) and (c.relacl is not null
                    or c.relrowsecurity or exists (select 1 from pg_trigger t where t.tgrelid = c.oid and not t.tgisinternal))"""
                .formatted(liveOids), String.class);
        if (!unswappable.isEmpty()) {
            throw new IllegalStateException("Cannot swap " + unswappable
                    + ": they have grants, row security or triggers, which the rebuilt copies do not");
        }
        List<View> views = viewsOn(liveOids);
        List<ForeignKey> keys = foreignKeysInto(live, rebuilt, liveOids);
        List<String[]> sequences = sequencesOwnedBy(live, liveOids);

        // All of it goes to the server at once: under load each round trip costs milliseconds, and the locks are held meanwhile.
        List<String> statements = new ArrayList<>();
        Set<String> locked = new LinkedHashSet<>();
        shadowSchemas.forEach((table, shadow) -> {
            locked.add(table.qualified());
            locked.add(table.in(shadow));
        });
        keys.forEach(key -> locked.add(key.childBefore()));
        statements.add("lock table " + String.join(", ", locked) + " in access exclusive mode");
        keys.forEach(key -> statements.add(detachOrphans(key, shadowSchemas.get(key.parent()))));
        if (!views.isEmpty()) {
            statements.add("drop view " + views.stream().map(View::name).collect(Collectors.joining(", ")));
        }
        keys.forEach(key -> statements.add("alter table " + key.childBefore() + " drop constraint " + quote(key.name())));
        sequences.forEach(sequence -> statements.add("alter sequence " + sequence[0] + " owned by none"));
        new LinkedHashSet<>(retiredSchemas.values()).forEach(retired -> statements.add("create schema if not exists " + quote(retired)));
        shadowSchemas.keySet().forEach(table -> statements.add("alter table " + table.qualified() + " set schema "
                + quote(retiredSchemas.get(table))));
        shadowSchemas.forEach((table, shadow) -> statements.add("alter table " + table.in(shadow) + " set schema "
                + quote(table.schema())));
        sequences.forEach(sequence -> statements.add("alter sequence " + sequence[0] + " owned by " + sequence[1] + "."
                + quote(sequence[2])));
        views.forEach(view -> statements.add("create view " + view.name()
                + (view.options() == null ? "" : " with (" + view.options() + ")") + " as " + view.definition()));
        List<String[]> toValidate = new ArrayList<>();
        for (ForeignKey key : keys) {
            statements.add("alter table " + key.childAfter() + " add constraint " + quote(key.name()) + " "
                    + key.definition() + (key.definition().endsWith("NOT VALID") ? "" : " NOT VALID"));
            toValidate.add(new String[] {key.childAfter(), key.name()});
        }
        Map<Long, String> children = new LinkedHashMap<>();
        keys.forEach(key -> children.put(key.child(), key.childAfter()));
        return new SwapPlan(String.join(";\n", statements), rebuilt, children, toValidate);
    }

    /** Runs a planned swap in the caller's transaction: one round trip with every statement, and one for what they wrote. */
    Swap swap(SwapPlan plan) {
        if (plan.rebuilt().isEmpty()) {
            return new Swap(Map.of(), Map.of(), Map.of(), List.of());
        }
        jdbc.execute(plan.statements());
        Map<Long, Table> rebuilt = plan.rebuilt();
        Map<Long, String> children = plan.children();
        Map<String, Long> relations = new LinkedHashMap<>();
        Map<String, Long> written = new LinkedHashMap<>();
        rebuilt.forEach((oid, table) -> {
            relations.put(table.toString(), oid);
            written.put(table.toString(), 0L);
        });
        Map<String, Long> detached = new LinkedHashMap<>();
        children.values().forEach(child -> detached.put(child, 0L));
        jdbc.query("select relid, n_tup_ins + n_tup_upd + n_tup_del, n_tup_upd + n_tup_del from pg_stat_xact_user_tables "
                + "where relid in (" + Stream.concat(rebuilt.keySet().stream(), children.keySet().stream())
                        .map(String::valueOf).collect(Collectors.joining(", ")) + ")",
                rs -> {
                    Table table = rebuilt.get(rs.getLong(1));
                    if (table != null) {
                        written.put(table.toString(), rs.getLong(2));
                    }
                    String child = children.get(rs.getLong(1));
                    if (child != null) {
                        detached.put(child, rs.getLong(3));
                    }
                });
        return new Swap(relations, written, detached, plan.foreignKeysToValidate());
    }

    /** After the switch committed: checks the rows of the keys re-added NOT VALID, taking no lock that blocks reads or writes. */
    void validate(List<String[]> foreignKeys) {
        for (String[] key : foreignKeys) {
            jdbc.execute("alter table " + key[0] + " validate constraint " + quote(key[1]));
        }
    }

    private Map<String, Long> oids(List<String> qualified) {
        Map<String, Long> oids = new LinkedHashMap<>();
        jdbc.query("select name, to_regclass(name)::oid::bigint from (values "
                + qualified.stream().map(q -> "('" + q.replace("'", "''") + "')").collect(Collectors.joining(", "))
                + ") v(name)", rs -> {
                    oids.put(rs.getString(1), rs.getLong(2));
                });
        return oids;
    }

    /** Views on these tables, and views on those, in the order they can be created again. */
    private List<View> viewsOn(String oids) {
        return jdbc.query("""
                with recursive dependent(oid, depth) as (
                    select r.ev_class, 1 from pg_depend d join pg_rewrite r on r.oid = d.objid
                    where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass
                      and d.refobjid in (%s) and r.ev_class <> d.refobjid
                    union all
                    select r.ev_class, dependent.depth + 1 from dependent
                    join pg_depend d on d.refobjid = dependent.oid and d.classid = 'pg_rewrite'::regclass
                         and d.refclassid = 'pg_class'::regclass
                    join pg_rewrite r on r.oid = d.objid
                    where r.ev_class <> dependent.oid)
                select quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relkind, pg_get_viewdef(c.oid),
                       array_to_string(c.reloptions, ', ')
                from (select oid, max(depth) as depth from dependent group by oid) v
                join pg_class c on c.oid = v.oid join pg_namespace n on n.oid = c.relnamespace
                order by v.depth, c.relname""".formatted(oids), (rs, n) -> {
            if (!"v".equals(rs.getString(2))) {
                throw new IllegalStateException("Cannot switch tables under the materialized view " + rs.getString(1));
            }
            String definition = rs.getString(3).strip();
            return new View(rs.getString(1), definition.endsWith(";")
                    ? definition.substring(0, definition.length() - 1) : definition, rs.getString(4));
        });
    }

    private List<ForeignKey> foreignKeysInto(Map<Long, Table> live, Map<Long, Table> rebuilt, String liveOids) {
        return jdbc.query("""
                select c.conname, c.conrelid, quote_ident(fn.nspname) || '.' || quote_ident(f.relname),
                       pg_get_constraintdef(c.oid), c.confrelid, c.confdeltype,
                       array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n),
                       array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, n)
                             join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.n)
                from pg_constraint c
                join pg_class f on f.oid = c.conrelid join pg_namespace fn on fn.oid = f.relnamespace
                where c.contype = 'f' and c.confrelid in (%s) and c.conrelid not in (%s)
                order by f.relname, c.conname""".formatted(liveOids, liveOids), (rs, n) -> {
            Table child = rebuilt.get(rs.getLong(2));
            return new ForeignKey(rs.getString(1), rs.getLong(2), rs.getString(3), child == null ? rs.getString(3) : child.qualified(),
                    rs.getString(4), live.get(rs.getLong(5)), rs.getString(6),
                    List.of((String[]) rs.getArray(7).getArray()), List.of((String[]) rs.getArray(8).getArray()));
        });
    }

    /** Sequence, table and column of each sequence a live table's column owns (a serial id). */
    private List<String[]> sequencesOwnedBy(Map<Long, Table> live, String liveOids) {
        return jdbc.query("""
                select quote_ident(sn.nspname) || '.' || quote_ident(s.relname), d.refobjid, a.attname, d.deptype
                from pg_depend d
                join pg_class s on s.oid = d.objid and s.relkind = 'S' join pg_namespace sn on sn.oid = s.relnamespace
                join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
                where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
                  and d.deptype in ('a', 'i') and d.refobjid in (%s)""".formatted(liveOids), (rs, n) -> {
            if ("i".equals(rs.getString(4))) {
                throw new IllegalStateException("Cannot switch " + live.get(rs.getLong(2))
                        + ": its identity column " + rs.getString(3) + " would start again from the rebuild's sequence");
            }
            return new String[] {rs.getString(1), live.get(rs.getLong(2)).qualified(), rs.getString(3)};
        });
    }

    /**
     * Rows of a table that stays whose key points at a row the rebuild does not have: deleted (ON
     * DELETE CASCADE, and their own children with them) or set to null or their default, as deleting
     * the parent row would have; with NO ACTION or RESTRICT the switch fails.
     */
    private static String detachOrphans(ForeignKey key, String shadowSchema) {
        String orphan = key.columns().stream().map(c -> "c." + quote(c) + " is not null").collect(Collectors.joining(" and "))
                + " and not exists (select 1 from " + key.parent().in(shadowSchema) + " p where "
                + IntStream.range(0, key.columns().size())
                        .mapToObj(i -> "p." + quote(key.referenced().get(i)) + " = c." + quote(key.columns().get(i)))
                        .collect(Collectors.joining(" and ")) + ")";
        return switch (key.onDelete()) {
            case "c" -> "delete from " + key.childBefore() + " c where " + orphan;
            case "n", "d" -> "update " + key.childBefore() + " c set " + key.columns().stream()
                    .map(c -> quote(c) + " = " + ("n".equals(key.onDelete()) ? "null" : "default"))
                    .collect(Collectors.joining(", ")) + " where " + orphan;
            default -> "do $switch$ begin if exists (select 1 from " + key.childBefore() + " c where " + orphan
                    + ") then raise exception '%', '" + ("Rows of " + key.childAfter() + " point at rows of " + key.parent()
                            + " that the rebuild does not have (" + key.name() + ")").replace("'", "''")
                    + "'; end if; end $switch$";
        };
    }

    /**
     * Rows that differ between the tables before the switch (in {@code retiredSchemas}) and now, per
     * table: deleted, inserted or changed, by the row key (a row without a key counts once per copy).
     */
    Map<String, Long> differences(Map<Table, String> retiredSchemas) {
        Map<String, Long> changed = new LinkedHashMap<>();
        retiredSchemas.forEach((table, retired) -> {
            String before = table.in(retired);
            List<String> key = rowKey(table);
            String sql;
            if (key.isEmpty()) {
                sql = "select count(*) from ((select o::text from " + before + " o except all select n::text from "
                        + table.qualified() + " n) union all (select n::text from " + table.qualified()
                        + " n except all select o::text from " + before + " o)) x";
            } else {
                sql = "select count(*) from " + before + " o full join " + table.qualified() + " n on "
                        + key.stream().map(c -> "o." + quote(c) + " = n." + quote(c)).collect(Collectors.joining(" and "))
                        + " where o." + quote(key.get(0)) + " is null or n." + quote(key.get(0)) + " is null or o::text <> n::text";
            }
            changed.put(table.toString(), jdbc.queryForObject(sql, Long.class));
        });
        return changed;
    }

    /**
     * Drops the tables a switch moved away, without CASCADE: whatever still depended on them would
     * be dropped with them, so it fails instead and leaves them for a look.
     */
    void dropRetired(String retiredSchema) {
        List<String> tables = jdbc.queryForList("""
                select quote_ident(n.nspname) || '.' || quote_ident(c.relname) from pg_class c
                join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind in ('r', 'p')""",
                String.class, retiredSchema);
        if (!tables.isEmpty()) {
            jdbc.execute("drop table " + String.join(", ", tables));
        }
        jdbc.execute("drop schema if exists " + quote(retiredSchema));
    }

    /** Vacuums and analyzes a shadow copy, so the first queries after the switch plan and read as on the live one. */
    void vacuum(String shadowSchema, Collection<Table> tables) {
        for (Table table : tables) {
            jdbc.execute("vacuum (analyze) " + table.in(shadowSchema));
        }
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

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
