package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.BookingCalendarEvent;
import com.calcomalt.contracts.calendar.BookingCalendarEvents;
import com.calcomalt.contracts.calendar.FindBookingCalendarEvents;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Whether a booking reached its destination calendar, and why not when it did not. */
@RestController
@Tag(name = "Calendars")
class BookingCalendarEventController {

    private final QueryGateway queries;

    BookingCalendarEventController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/bookings/{uid}/calendar-events")
    @Operation(summary = "The booking's event in its destination calendar: status, tries and the last error")
    ApiResponse<List<BookingCalendarEvent>> calendarEvents(@PathVariable String uid) {
        return ApiResponse.success(queries.query(new FindBookingCalendarEvents(uid, Callers.required()),
                        ResponseTypes.optionalInstanceOf(BookingCalendarEvents.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No booking with uid " + uid)).events());
    }
}
