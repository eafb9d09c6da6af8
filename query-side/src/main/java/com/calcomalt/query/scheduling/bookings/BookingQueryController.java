package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingFilter;
import com.calcomalt.contracts.scheduling.BookingHistory;
import com.calcomalt.contracts.scheduling.BookingInsights;
import com.calcomalt.contracts.scheduling.BookingPage;
import com.calcomalt.contracts.scheduling.BookingView;
import com.calcomalt.contracts.scheduling.FindBooking;
import com.calcomalt.contracts.scheduling.FindBookingHistory;
import com.calcomalt.contracts.scheduling.FindBookingInsights;
import com.calcomalt.contracts.scheduling.FindBookings;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.CalApiVersion;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.platform.web.ResourceNotFound;
import com.calcomalt.query.web.PaginatedApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bookings, their history and their insights as cal.com API v2 shows them, as far as the caller may see them. */
@RestController
@Tag(name = "Bookings")
class BookingQueryController {

    private final QueryGateway queries;

    BookingQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/bookings")
    @CalApiVersion(CalApiVersion.BOOKINGS)
    @Operation(summary = "The bookings the caller hosts, attends, or sees as admin or owner of the event type's team",
            description = "status is a comma list of upcoming, recurring, past, cancelled, unconfirmed; eventTypeIds and"
                    + " teamsIds are comma lists of ids; the after/before bounds are ISO date-times; sorts are asc or"
                    + " desc; take is 1 to 250 (100 unless given).")
    PaginatedApiResponse<BookingView> bookings(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String attendeeEmail,
            @RequestParam(required = false) String attendeeName,
            @RequestParam(required = false) String eventTypeIds,
            @RequestParam(required = false) String teamsIds,
            @RequestParam(required = false) String afterStart,
            @RequestParam(required = false) String beforeEnd,
            @RequestParam(required = false) String afterCreatedAt,
            @RequestParam(required = false) String beforeCreatedAt,
            @RequestParam(required = false) String afterUpdatedAt,
            @RequestParam(required = false) String beforeUpdatedAt,
            @RequestParam(required = false) String sortStart,
            @RequestParam(required = false) String sortEnd,
            @RequestParam(required = false) String sortCreated,
            @RequestParam(required = false) String sortUpdatedAt,
            @RequestParam(required = false) String take,
            @RequestParam(required = false) String skip) {
        List<String> statuses = list(status).stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        for (String s : statuses) {
            if (!BookingQueries.STATUS_NAMES.contains(s)) {
                throw new InvalidInput("status", "is a comma list of " + String.join(", ", BookingQueries.STATUS_NAMES));
            }
        }
        int pageSize = number("take", take, BookingQueries.DEFAULT_TAKE, 1, BookingQueries.MAX_TAKE);
        int skipped = number("skip", skip, 0, 0, Integer.MAX_VALUE);
        BookingFilter filter = new BookingFilter(statuses, blankToNull(attendeeEmail), blankToNull(attendeeName),
                ids("eventTypeIds", eventTypeIds), ids("teamsIds", teamsIds), instant("afterStart", afterStart),
                instant("beforeEnd", beforeEnd), instant("afterCreatedAt", afterCreatedAt),
                instant("beforeCreatedAt", beforeCreatedAt), instant("afterUpdatedAt", afterUpdatedAt),
                instant("beforeUpdatedAt", beforeUpdatedAt), sort("sortStart", sortStart), sort("sortEnd", sortEnd),
                sort("sortCreated", sortCreated), sort("sortUpdatedAt", sortUpdatedAt), pageSize, skipped);
        BookingPage page = queries.query(new FindBookings(filter, Callers.required()), BookingPage.class).join();
        return PaginatedApiResponse.success(page.bookings(), page.totalItems(), page.take(), page.skip());
    }

    @GetMapping("/v2/bookings/{uid}")
    @CalApiVersion(CalApiVersion.BOOKINGS)
    @Operation(summary = "Get a booking by its uid")
    ApiResponse<BookingView> booking(@PathVariable String uid) {
        return ApiResponse.success(queries.query(new FindBooking(uid, Callers.required()),
                        ResponseTypes.optionalInstanceOf(BookingView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No booking with uid " + uid)));
    }

    @GetMapping("/v2/bookings/{uid}/history")
    @Operation(summary = "What happened to a booking, and to the bookings it was rescheduled from and to, in order")
    ApiResponse<BookingHistory> history(@PathVariable String uid) {
        return ApiResponse.success(queries.query(new FindBookingHistory(uid, Callers.required()),
                        ResponseTypes.optionalInstanceOf(BookingHistory.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No booking with uid " + uid)));
    }

    @GetMapping("/v2/insights/bookings")
    @Operation(summary = "Counts of bookings by time status and by status",
            description = "scope is user (the caller's personal bookings), team or org (with teamId; for its admins"
                    + " and owners); startDate and endDate bound the start time, ISO date-times.")
    ApiResponse<BookingInsights> insights(@RequestParam(defaultValue = "user") String scope,
                                          @RequestParam(required = false) String teamId,
                                          @RequestParam(required = false) String startDate,
                                          @RequestParam(required = false) String endDate) {
        if (!BookingInsightsQueries.SCOPES.contains(scope)) {
            throw new InvalidInput("scope", "is one of " + String.join(", ", BookingInsightsQueries.SCOPES));
        }
        Integer team = teamId == null ? null : number("teamId", teamId, 0, 1, Integer.MAX_VALUE);
        if (team == null && !scope.equals("user")) {
            throw new InvalidInput("teamId", "names the team or organization of a " + scope + " scope");
        }
        Instant from = instant("startDate", startDate);
        Instant to = instant("endDate", endDate);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInput("endDate", "is not before startDate");
        }
        return ApiResponse.success(queries.query(new FindBookingInsights(scope, team, from, to, Callers.required()),
                BookingInsights.class).join());
    }

    private static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Integer> ids(String name, String value) {
        return list(value).stream().map(id -> number(name, id, 0, 1, Integer.MAX_VALUE)).distinct().toList();
    }

    private static int number(String name, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput(name, max == Integer.MAX_VALUE ? "is a whole number of at least " + min
                : "is a whole number from " + min + " to " + max);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "is an ISO date-time such as 2026-10-25T09:00:00Z");
        }
    }

    private static String sort(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String direction = value.trim().toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new InvalidInput(name, "is asc or desc");
        }
        return direction;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
