package com.calcomalt.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests' JVM runs in UTC+14: a conversion through the JVM's zone would be off by fourteen hours here. */
class TimestampsTest {

    private static final Instant AT = Instant.parse("2026-03-29T00:30:00.123Z");

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startADatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        jdbc.execute("create table times (id int, calcom timestamp(3), ours timestamptz)");
    }

    @AfterAll
    static void stopTheDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void an_instant_written_to_either_kind_of_column_reads_back_the_same() {
        jdbc.update("insert into times values (1, ?, ?)", LocalDateTime.ofInstant(AT, ZoneOffset.UTC), Timestamps.utc(AT));

        assertThat(read(1)).containsExactly(AT, AT);
        assertThat(jdbc.queryForObject("select calcom::text from times where id = 1", String.class))
                .as("cal.com's column keeps the UTC wall time").isEqualTo("2026-03-29 00:30:00.123");
    }

    @Test
    void null_stays_null_both_ways() {
        jdbc.update("insert into times values (2, ?, ?)", null, Timestamps.utc((Instant) null));

        assertThat(read(2)).containsExactly(null, null);
        assertThat(Timestamps.utc((LocalDateTime) null)).isNull();
    }

    @Test
    void a_timestamptz_parameter_is_not_for_a_timestamp_column_of_cal_com() {
        jdbc.update("insert into times values (3, ?, null)", Timestamps.utc(AT));

        assertThat(read(3).get(0)).as("cast to the session's zone, the JVM's").isEqualTo(
                AT.plusSeconds(ZoneId.systemDefault().getRules().getOffset(AT).getTotalSeconds()));
    }

    @Test
    void a_utc_wall_time_is_that_instant() {
        assertThat(Timestamps.utc(LocalDateTime.parse("2026-03-29T00:30:00.123"))).isEqualTo(AT);
    }

    private static List<Instant> read(int id) {
        return jdbc.queryForObject("select calcom, ours from times where id = ?",
                (rs, row) -> Arrays.asList(Timestamps.instant(rs, 1), Timestamps.instant(rs, 2)), id);
    }
}
