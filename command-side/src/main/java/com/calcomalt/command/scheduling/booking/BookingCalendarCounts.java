package com.calcomalt.command.scheduling.booking;

import com.calcomalt.platform.operations.OperationsCount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bookings whose event could not be written to (or deleted from) their destination calendar. Both
 * counts read V24's partial index, which holds only such rows.
 */
@Configuration
class BookingCalendarCounts {

    @Bean
    OperationsCount failedCalendarWrites() {
        return OperationsCount.of("calendarWrites", "failed", "calalt.calendar.writes.failed",
                "Bookings whose calendar event the writer gave up on", """
                        select count(*) from calendar.booking_events where status = 'FAILED'""");
    }

    @Bean
    OperationsCount retryingCalendarWrites() {
        return OperationsCount.of("calendarWrites", "retrying", "calalt.calendar.writes.retrying",
                "Bookings whose calendar event failed to be written and is due to be tried again", """
                        select count(*) from calendar.booking_events where status = 'RETRYING'""");
    }
}
