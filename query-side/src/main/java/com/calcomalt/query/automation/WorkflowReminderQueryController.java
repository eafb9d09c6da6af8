package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.FindWorkflowReminders;
import com.calcomalt.contracts.automation.WorkflowReminderView;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reminders an operator retries with POST /v2/admin/workflow-reminders/{uuid}/retry. */
@RestController
@Tag(name = "Workflows")
class WorkflowReminderQueryController {

    private final QueryGateway queries;

    WorkflowReminderQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/admin/workflow-reminders")
    @Operation(summary = "Workflow reminders, of one booking or all, only the failed ones if asked (system admins)",
            description = "take is 1 to 250 (250 unless given); ordered by scheduled date.")
    ApiResponse<List<WorkflowReminderView>> reminders(
            @RequestParam(required = false) @Size(min = 1, max = 255) String bookingUid,
            @RequestParam(defaultValue = "false") boolean failed,
            @RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
            @RequestParam(defaultValue = "0") @Min(0) int skip) {
        return ApiResponse.success(queries.query(new FindWorkflowReminders(Callers.required(), bookingUid, failed, take,
                skip), ResponseTypes.multipleInstancesOf(WorkflowReminderView.class)).join());
    }
}
