package com.calcomalt.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's guarantee that Flyway creates "the existing cal.com tables": an empty database is
 * migrated and read back through information_schema and pg_catalog, in the same shape as the
 * reference files of cal.com commit dd7b647 (copied to test resources). Every assertion lists all
 * of its differences, not just the first.
 */
class CalcomSchemaConformanceTest {

    /** Tables the referenced cal.com tables point at but which are outside the reference: plain columns here. */
    private static final Set<String> OUTSIDE_REFERENCE = Set.of("App", "PlatformOAuthClient", "Role",
            "SecondaryEmail", "HostGroup", "InternalNotePreset", "WorkspacePlatform", "Agent", "MonthlyProration");

    /** In public but not in cal.com: the seed's Seat table and Flyway's own history. */
    private static final Set<String> ALLOWED_EXTRA_TABLES = Set.of("Seat", "flyway_schema_history");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void every_reference_table_and_view_exists_and_nothing_else() throws Exception {
        Set<String> expected = reference("tables.tsv").stream()
                .filter(r -> r.get("kind").equals("table") || r.get("kind").equals("view"))
                .map(r -> r.get("real_table_name") + " " + r.get("kind"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actual = query("""
                select table_name, case table_type when 'VIEW' then 'view' else 'table' end
                from information_schema.tables where table_schema = 'public'""",
                r -> r.getString(1) + " " + r.getString(2));
        actual.removeIf(line -> ALLOWED_EXTRA_TABLES.contains(line.split(" ")[0]));
        assertSame("tables and views", expected, actual);
    }

    @Test
    void every_column_has_the_reference_position_type_nullability_and_default() throws Exception {
        List<Map<String, String>> reference = reference("columns.tsv");
        Map<String, Integer> positionInTable = positionsIgnoringDroppedColumns(reference);
        Set<String> expected = reference.stream()
                .map(r -> columnLine(r.get("table"), positionInTable.get(r.get("table") + "." + r.get("column")),
                        r.get("column"), r.get("data_type"), r.get("udt_name"), r.get("is_nullable"),
                        r.get("column_default")))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> referenceTables = reference.stream().map(r -> r.get("table")).collect(Collectors.toSet());
        Set<String> actual = query("""
                select table_name, ordinal_position, column_name, data_type, udt_name, is_nullable,
                       coalesce(column_default, '')
                from information_schema.columns where table_schema = 'public'
                order by table_name, ordinal_position""",
                new Function<>() {
                    private final Map<String, Integer> seen = new HashMap<>();

                    @Override
                    public String apply(Row r) {
                        String table = r.getString(1);
                        int position = seen.merge(table, 1, Integer::sum);
                        return columnLine(table, position, r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7));
                    }
                });
        actual.removeIf(line -> !referenceTables.contains(line.split(" ")[0]));
        assertSame("columns (table position name data_type udt nullable default)", expected, actual);
    }

    @Test
    void every_timestamp_has_millisecond_precision_as_prisma_creates_it() throws Exception {
        Set<String> actual = query("""
                select c.table_name || '.' || c.column_name || ' ' || c.datetime_precision
                from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> 'flyway_schema_history'
                  and c.udt_name = 'timestamp' and c.datetime_precision <> 3""", r -> r.getString(1));
        assertSame("timestamp columns whose precision is not 3", Set.of(), actual);
    }

    @Test
    void all_23_enum_types_have_the_reference_labels_in_order() throws Exception {
        Set<String> expected = reference("enums.tsv").stream()
                .map(r -> r.get("enum_type") + " " + r.get("ordinal") + " " + r.get("value"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actual = query("""
                select t.typname, rank() over (partition by t.typname order by e.enumsortorder), e.enumlabel
                from pg_type t
                join pg_enum e on e.enumtypid = t.oid
                join pg_namespace n on n.oid = t.typnamespace
                where n.nspname = 'public'""",
                r -> r.getString(1) + " " + r.getInt(2) + " " + r.getString(3));
        assertThat(expected.stream().map(line -> line.split(" ")[0]).distinct()).hasSize(23);
        assertSame("enum labels (type position label)", expected, actual);
    }

    @Test
    void primary_foreign_and_unique_keys_match_the_reference() throws Exception {
        Set<String> expected = reference("keys.tsv").stream()
                .filter(r -> !OUTSIDE_REFERENCE.contains(r.get("referenced_table")))
                .map(r -> String.join(" | ", r.get("table"), r.get("constraint_type"), r.get("columns"),
                        r.get("referenced_table"), r.get("referenced_columns"), r.get("on_delete"),
                        r.get("on_update"), r.get("name"), r.get("defined_as")))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actual = query("""
                select cl.relname,
                       case con.contype when 'p' then 'PRIMARY KEY' when 'f' then 'FOREIGN KEY' else 'UNIQUE' end,
                       array_to_string(array(
                           select a.attname from unnest(con.conkey) with ordinality k(attnum, ord)
                           join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
                           order by k.ord), ','),
                       coalesce(ref.relname, ''),
                       array_to_string(array(
                           select a.attname from unnest(con.confkey) with ordinality k(attnum, ord)
                           join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum
                           order by k.ord), ','),
                       case when con.contype = 'f' then case con.confdeltype when 'a' then 'NO ACTION'
                           when 'r' then 'RESTRICT' when 'c' then 'CASCADE' when 'n' then 'SET NULL'
                           else 'SET DEFAULT' end else '' end,
                       case when con.contype = 'f' then case con.confupdtype when 'a' then 'NO ACTION'
                           when 'r' then 'RESTRICT' when 'c' then 'CASCADE' when 'n' then 'SET NULL'
                           else 'SET DEFAULT' end else '' end,
                       con.conname,
                       'constraint'
                from pg_constraint con
                join pg_class cl on cl.oid = con.conrelid
                join pg_namespace n on n.oid = cl.relnamespace
                left join pg_class ref on ref.oid = con.confrelid
                where n.nspname = 'public' and con.contype in ('p', 'f', 'u')
                union all
                select t.relname, 'UNIQUE',
                       array_to_string(array(
                           select case when k.attnum = 0 then '(expr)' else a.attname end
                           from unnest(ix.indkey::int2[]) with ordinality k(attnum, ord)
                           left join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.attnum
                           order by k.ord), ','),
                       '', '', '', '', i.relname,
                       'unique index' || coalesce(' WHERE ' || pg_get_expr(ix.indpred, ix.indrelid), '')
                from pg_index ix
                join pg_class i on i.oid = ix.indexrelid
                join pg_class t on t.oid = ix.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = 'public' and ix.indisunique and not ix.indisprimary
                  and not exists (select 1 from pg_constraint c
                                  where c.conindid = ix.indexrelid and c.contype <> 'f')""",
                r -> String.join(" | ", r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9)));
        actual.removeIf(line -> ALLOWED_EXTRA_TABLES.contains(line.split(" \\| ")[0]));
        assertSame("keys (table | type | columns | referenced | columns | on delete | on update | name | kind)",
                expected, actual);
    }

    @Test
    void every_index_matches_the_reference_including_the_partial_ones() throws Exception {
        Set<String> expected = reference("indexes.tsv").stream()
                .map(r -> String.join(" | ", r.get("table"), r.get("index_name"), r.get("is_unique"),
                        r.get("is_primary"), r.get("method"), r.get("columns"), r.get("predicate"),
                        r.get("expressions")))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actual = query("""
                select t.relname, i.relname,
                       case when ix.indisunique then 'YES' else 'NO' end,
                       case when ix.indisprimary then 'YES' else 'NO' end,
                       am.amname,
                       array_to_string(array(
                           select case when k.attnum = 0 then '(expr)' else a.attname end
                           from unnest(ix.indkey::int2[]) with ordinality k(attnum, ord)
                           left join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.attnum
                           order by k.ord), ','),
                       coalesce(pg_get_expr(ix.indpred, ix.indrelid), ''),
                       coalesce(pg_get_expr(ix.indexprs, ix.indrelid), '')
                from pg_index ix
                join pg_class i on i.oid = ix.indexrelid
                join pg_class t on t.oid = ix.indrelid
                join pg_am am on am.oid = i.relam
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = 'public'""",
                r -> String.join(" | ", r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8)));
        actual.removeIf(line -> ALLOWED_EXTRA_TABLES.contains(line.split(" \\| ")[0]));
        assertSame("indexes (table | name | unique | primary | method | columns | predicate | expressions)",
                expected, actual);
    }

    @Test
    void foreign_key_columns_to_tables_outside_the_reference_are_plain_columns() throws Exception {
        Set<String> outsideColumns = reference("keys.tsv").stream()
                .filter(r -> OUTSIDE_REFERENCE.contains(r.get("referenced_table")))
                .map(r -> r.get("table") + "." + r.get("columns"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> constrained = query("""
                select cl.relname || '.' || a.attname
                from pg_constraint con
                join pg_class cl on cl.oid = con.conrelid
                join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey)
                where con.contype = 'f'""", r -> r.getString(1));
        Set<String> existing = query("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public'""", r -> r.getString(1));
        assertThat(outsideColumns).hasSize(17);
        assertThat(existing).as("columns pointing outside the reference").containsAll(outsideColumns);
        assertThat(constrained).as("columns pointing outside the reference").doesNotContainAnyElementsOf(outsideColumns);
    }

    @Test
    void the_seed_seat_table_belongs_to_an_org_and_a_user_once() throws Exception {
        Set<String> columns = query("""
                select column_name || ' ' || udt_name || ' ' || is_nullable from information_schema.columns
                where table_schema = 'public' and table_name = 'Seat'""", r -> r.getString(1));
        assertSame("Seat columns", Set.of("id int4 NO", "orgId int4 NO", "userId int4 NO", "createdAt timestamp NO"),
                columns);
        Set<String> keys = query("""
                select pg_get_constraintdef(oid) from pg_constraint where conrelid = '"Seat"'::regclass
                union all
                select pg_get_indexdef(indexrelid) from pg_index
                where indrelid = '"Seat"'::regclass and indisunique and not indisprimary""",
                r -> r.getString(1));
        assertThat(keys).contains("PRIMARY KEY (id)",
                "FOREIGN KEY (\"orgId\") REFERENCES \"Team\"(id) ON UPDATE CASCADE ON DELETE CASCADE",
                "FOREIGN KEY (\"userId\") REFERENCES users(id) ON UPDATE CASCADE ON DELETE CASCADE",
                "CREATE UNIQUE INDEX \"Seat_orgId_userId_key\" ON public.\"Seat\" USING btree (\"orgId\", \"userId\")");
    }

    @Test
    void the_event_store_lives_in_its_own_schema_with_bytea_blobs_and_a_step_one_global_index() throws Exception {
        Set<String> tables = query("""
                select table_name from information_schema.tables where table_schema = 'eventstore'""",
                r -> r.getString(1));
        assertSame("event store tables", Set.of("domain_event_entry", "snapshot_event_entry", "token_entry",
                "saga_entry", "association_value_entry", "dead_letter_entry"), tables);
        Set<String> blobsThatAreNotBytea = query("""
                select table_name || '.' || column_name || ' ' || udt_name from information_schema.columns
                where table_schema = 'eventstore' and udt_name in ('oid', 'lo', 'bytea') and udt_name <> 'bytea'""",
                r -> r.getString(1));
        assertSame("blob columns that are not bytea", Set.of(), blobsThatAreNotBytea);
        Set<String> increments = query("""
                select increment_by from pg_sequences
                where schemaname = 'eventstore' and sequencename = 'domain_event_entry_global_index_seq'""",
                r -> r.getString(1));
        assertSame("global_index sequence increment", Set.of("1"), increments);
    }

    private static String columnLine(String table, int position, String column, String dataType, String udt,
                                     String nullable, String defaultValue) {
        String normalizedDefault = defaultValue.replaceAll("nextval\\('[^']*'::regclass\\)", "nextval(<sequence>)");
        return String.join(" ", table, String.valueOf(position), column, "[" + dataType + "]", udt, nullable,
                "[" + normalizedDefault + "]");
    }

    /** The reference's ordinals are attnums, with gaps where cal.com dropped columns; only their order counts. */
    private static Map<String, Integer> positionsIgnoringDroppedColumns(List<Map<String, String>> columns) {
        Map<String, Integer> positions = new HashMap<>();
        Map<String, Integer> counters = new HashMap<>();
        columns.stream()
                .sorted((a, b) -> a.get("table").equals(b.get("table"))
                        ? Integer.compare(Integer.parseInt(a.get("ordinal")), Integer.parseInt(b.get("ordinal")))
                        : a.get("table").compareTo(b.get("table")))
                .forEach(c -> positions.put(c.get("table") + "." + c.get("column"),
                        counters.merge(c.get("table"), 1, Integer::sum)));
        return positions;
    }

    private static void assertSame(String what, Set<String> expected, Set<String> actual) {
        List<String> differences = new ArrayList<>();
        expected.stream().filter(Predicate.not(actual::contains)).forEach(e -> differences.add("missing:    " + e));
        actual.stream().filter(Predicate.not(expected::contains)).forEach(a -> differences.add("unexpected: " + a));
        assertThat(differences)
                .as("%s differ from the cal.com reference in %d places:%n%s", what, differences.size(),
                        String.join("\n", differences))
                .isEmpty();
    }

    private static List<Map<String, String>> reference(String file) throws IOException {
        try (var in = CalcomSchemaConformanceTest.class.getResourceAsStream("/calcom-reference/" + file);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().toList();
            String[] header = lines.get(0).split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] values = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < values.length ? values[i] : "");
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static Set<String> query(String sql, Function<Row, String> mapper) throws SQLException {
        Set<String> result = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery(sql)) {
            while (resultSet.next()) {
                result.add(mapper.apply(new Row(resultSet)));
            }
        }
        return result;
    }

    /** A result row whose getters throw unchecked, so mappers can be lambdas. */
    private record Row(ResultSet resultSet) {
        String getString(int column) {
            try {
                return String.valueOf(resultSet.getString(column) == null ? "" : resultSet.getString(column));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        int getInt(int column) {
            return Integer.parseInt(getString(column));
        }
    }
}
