package com.calcomalt.calendar;

import com.calcomalt.calendar.connectors.CalDavConnector;
import com.calcomalt.calendar.connectors.CalendarConnectors;
import com.calcomalt.calendar.connectors.IcsFeedConnector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The connectors and the cached busy-time reader. calalt.calendars.timeout bounds every HTTP call
 * and a whole busy-time read; calalt.calendars.cache-ttl is how long a "CalendarCache" row is fresh.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
public class CalendarConnectorsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public CalendarConnectors calendarConnectors(@Value("${calalt.calendars.timeout:PT3S}") Duration timeout) {
        return new CalendarConnectors(List.of(new CalDavConnector(timeout), new IcsFeedConnector(timeout)));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSource.class)
    public CalendarBusyTimes calendarBusyTimes(CalendarConnectors connectors, DataSource dataSource,
            @Value("${calalt.calendars.timeout:PT3S}") Duration timeout,
            @Value("${calalt.calendars.cache-ttl:PT2M}") Duration cacheTtl) {
        return create(connectors, dataSource, timeout, cacheTtl, Clock.systemUTC());
    }

    /** The same reader outside Spring, for tests and tools. */
    public static CalendarBusyTimes create(CalendarConnectors connectors, DataSource dataSource, Duration timeout,
            Duration cacheTtl, Clock clock) {
        return new CalendarBusyTimes(connectors, new CalendarCache(new JdbcTemplate(dataSource), cacheTtl, clock),
                readers(), timeout);
    }

    /** Daemon threads: a calendar server that hangs past the deadline must not keep the JVM alive. */
    private static ExecutorService readers() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "calendar-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
