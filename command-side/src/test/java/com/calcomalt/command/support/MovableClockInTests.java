package com.calcomalt.command.support;

import com.calcomalt.platform.testing.MovableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Every Spring test of the command side runs on one movable clock, so that they all share one context. */
@Configuration
class MovableClockInTests {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
