package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.ConnectedCalendars;
import com.calcomalt.contracts.calendar.FindConnectedCalendars;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** cal.com API v2's calendar reads. */
@RestController
@Tag(name = "Calendars")
class CalendarQueryController {

    private final QueryGateway queries;

    CalendarQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/calendars")
    @Operation(summary = "The caller's connected calendars, which count for conflicts, and where bookings go")
    ApiResponse<ConnectedCalendars> calendars() {
        return ApiResponse.success(queries.query(new FindConnectedCalendars(Callers.required()),
                ConnectedCalendars.class).join());
    }
}
