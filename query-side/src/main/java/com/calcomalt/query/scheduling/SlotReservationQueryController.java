package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.FindSlotReservation;
import com.calcomalt.contracts.scheduling.SlotReservationView;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.CalApiVersion;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A held slot, for whoever holds it; released and expired reservations are gone, as in cal.com. */
@RestController
@CalApiVersion(CalApiVersion.SLOTS)
@Tag(name = "Slots")
class SlotReservationQueryController {

    private final QueryGateway queries;

    SlotReservationQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/slots/reservations/{uid}")
    @Operation(summary = "Get a held slot (who holds it, or a system admin)")
    ApiResponse<SlotReservationView> reservation(@PathVariable String uid) {
        return ApiResponse.success(queries.query(new FindSlotReservation(uid, Callers.required()),
                        ResponseTypes.optionalInstanceOf(SlotReservationView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No slot reservation " + uid)));
    }
}
