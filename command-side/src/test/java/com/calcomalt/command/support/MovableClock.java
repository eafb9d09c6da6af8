package com.calcomalt.command.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The command side's clock in tests: the real time, moved by as much as a test needs. */
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void moveBy(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)).instant().plus(offset);
    }

    @Configuration
    static class InTests {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
