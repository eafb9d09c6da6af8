package com.calcomalt.allinone.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dates of CalcomImportTest's planted rows and of what it expects were written for {@link #WRITTEN_FOR}: a
 * reminder due in a month must still be due when the test runs a year later, and a booking it makes over HTTP must
 * still be ahead. So every date moves by the whole weeks since then; whole weeks keep the weekdays the planted
 * hours and bookings fall on, and times stay in UTC, so a planted Monday 09:00Z is a Monday 10:00 or 11:00 in
 * Berlin, inside Person 2's hours in winter and summer alike.
 */
final class PlantedDates {

    static final LocalDate WRITTEN_FOR = LocalDate.of(2026, 12, 5);
    /** A day other than today, for a run that checks that every date moves ({@code -Dcalcom.import.test.today=}). */
    private static final String TODAY = "calcom.import.test.today";
    static final long WEEKS = ChronoUnit.WEEKS.between(WRITTEN_FOR, today());

    private static final Pattern SQL_LITERAL = Pattern.compile("\\b(timestamp|date) '(\\d{4}-\\d{2}-\\d{2})");

    private PlantedDates() {
    }

    private static LocalDate today() {
        String today = System.getProperty(TODAY);
        return today == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(today);
    }

    /** The statement with each {@code timestamp '…'} and {@code date '…'} literal moved; now() stays now. */
    static String sql(String sql) {
        Matcher literal = SQL_LITERAL.matcher(sql);
        StringBuilder moved = new StringBuilder();
        while (literal.find()) {
            literal.appendReplacement(moved, literal.group(1) + " '"
                    + LocalDate.parse(literal.group(2)).plusWeeks(WEEKS));
        }
        return literal.appendTail(moved).toString();
    }

    /** An instant as the HTTP API and the import's report write it, moved. */
    static String instant(String written) {
        return Instant.parse(written).plus(WEEKS * 7, ChronoUnit.DAYS).toString();
    }

    /** A template for planting: every statement it runs has its dates moved. */
    static JdbcTemplate planting(DataSource source) {
        return new JdbcTemplate(source) {
            @Override
            public void execute(String sql) {
                super.execute(sql(sql));
            }

            @Override
            public int update(String sql) {
                return super.update(sql(sql));
            }

            @Override
            public int update(String sql, Object... args) {
                return super.update(sql(sql), args);
            }
        };
    }
}
