package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.FindOutOfOfficeEntries;
import com.calcomalt.contracts.scheduling.FindOutOfOfficeReasons;
import com.calcomalt.contracts.scheduling.OutOfOfficeEntryView;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonView;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's times out of office, and the reasons they may give, as cal.com API v2 lists them. */
@RestController
@Tag(name = "Out of office")
class OutOfOfficeQueryController {

    private final QueryGateway queries;

    OutOfOfficeQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/me/ooo")
    @Operation(summary = "The caller's times away, by start then end",
            description = "sortStart and sortEnd are asc (unless given) or desc; take is 1 to 250 (250 unless given).")
    ApiResponse<List<OutOfOfficeEntryView>> entries(
            @RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
            @RequestParam(defaultValue = "0") @Min(0) int skip,
            @RequestParam(required = false) @Pattern(regexp = "asc|desc") String sortStart,
            @RequestParam(required = false) @Pattern(regexp = "asc|desc") String sortEnd) {
        return ApiResponse.success(queries.query(new FindOutOfOfficeEntries(Callers.required(), take, skip, sortStart,
                sortEnd), ResponseTypes.multipleInstancesOf(OutOfOfficeEntryView.class)).join());
    }

    @GetMapping("/v2/me/ooo/reasons")
    @Operation(summary = "The reasons the caller may give: everybody's, then their own")
    ApiResponse<List<OutOfOfficeReasonView>> reasons() {
        return ApiResponse.success(queries.query(new FindOutOfOfficeReasons(Callers.required()),
                ResponseTypes.multipleInstancesOf(OutOfOfficeReasonView.class)).join());
    }
}
