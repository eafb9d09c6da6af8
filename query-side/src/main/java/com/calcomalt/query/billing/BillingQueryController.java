package com.calcomalt.query.billing;

import com.calcomalt.contracts.billing.BillingView;
import com.calcomalt.contracts.billing.FindBilling;
import com.calcomalt.contracts.billing.FindSeatChangeLog;
import com.calcomalt.contracts.billing.FindSeats;
import com.calcomalt.contracts.billing.SeatChangeLog;
import com.calcomalt.contracts.billing.SeatChangeView;
import com.calcomalt.contracts.billing.Seats;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A team's or organization's billing row, its seats and their change log, for its admins and system admins. */
@RestController
@Tag(name = "Billing")
class BillingQueryController {

    private final QueryGateway queries;

    BillingQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/teams/{teamId}/billing")
    @Operation(summary = "The billing row of a team or organization (OrganizationBilling or TeamBilling)")
    ApiResponse<BillingView> billing(@PathVariable @Positive int teamId) {
        Optional<BillingView> found = queries.query(new FindBilling(Callers.required(), teamId),
                ResponseTypes.optionalInstanceOf(BillingView.class)).join();
        return ApiResponse.success(found.orElseThrow(() -> new ResourceNotFound("Team " + teamId + " has no billing")));
    }

    @GetMapping("/v2/teams/{teamId}/seats")
    @Operation(summary = "The seats held in a seat-billed organization or team, with its paid seats")
    ApiResponse<Seats> seats(@PathVariable @Positive int teamId) {
        return ApiResponse.success(queries.query(new FindSeats(Callers.required(), teamId), Seats.class).join());
    }

    @GetMapping("/v2/teams/{teamId}/seats/changes")
    @Operation(summary = "Every seat added and removed (cal.com's SeatChangeLog), oldest first, optionally of one"
            + " month (monthKey YYYY-MM)")
    ApiResponse<List<SeatChangeView>> changes(@PathVariable @Positive int teamId,
                                              @RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{2}")
                                              String monthKey) {
        return ApiResponse.success(queries.query(new FindSeatChangeLog(Callers.required(), teamId, monthKey),
                SeatChangeLog.class).join().changes());
    }
}
