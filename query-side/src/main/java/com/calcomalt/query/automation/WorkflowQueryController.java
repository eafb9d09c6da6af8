package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.AIPhoneCallConfigurationView;
import com.calcomalt.contracts.automation.AIPhoneCallSettings;
import com.calcomalt.contracts.automation.FindAIPhoneCallConfiguration;
import com.calcomalt.contracts.automation.FindWorkflow;
import com.calcomalt.contracts.automation.FindWorkflows;
import com.calcomalt.contracts.automation.WorkflowOutput;
import com.calcomalt.contracts.automation.WorkflowView;
import com.calcomalt.contracts.identity.FindTeam;
import com.calcomalt.contracts.identity.TeamView;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Workflows as far as the caller may see them, in cal.com API v2's shape (EventTypeWorkflowOutput). */
@RestController
@Tag(name = "Workflows")
class WorkflowQueryController {

    private final QueryGateway queries;

    WorkflowQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/workflows")
    @Operation(summary = "The caller's workflows and those of their teams", description = "take is 1 to 250 (250 "
            + "unless given), skip 0 or more, as cal.com's SkipTakePagination.")
    ApiResponse<List<WorkflowOutput>> workflows(@RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
                                                @RequestParam(defaultValue = "0") @Min(0) int skip) {
        return ApiResponse.success(list(null, take, skip));
    }

    @GetMapping("/v2/teams/{teamId}/workflows")
    @Operation(summary = "A team's workflows", description = "take is 1 to 250 (250 unless given), skip 0 or more.")
    ApiResponse<List<WorkflowOutput>> teamWorkflows(@PathVariable @Positive int teamId,
                                                    @RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
                                                    @RequestParam(defaultValue = "0") @Min(0) int skip) {
        return ApiResponse.success(list(teamId, take, skip));
    }

    @GetMapping("/v2/organizations/{orgId}/teams/{teamId}/workflows")
    @Operation(summary = "A team's workflows, at cal.com's path", description = "take is 1 to 250 (250 unless "
            + "given), skip 0 or more.")
    ApiResponse<List<WorkflowOutput>> organizationTeamWorkflows(
            @PathVariable @Positive int orgId, @PathVariable @Positive int teamId,
            @RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
            @RequestParam(defaultValue = "0") @Min(0) int skip) {
        requireTeamOf(orgId, teamId);
        return ApiResponse.success(list(teamId, take, skip));
    }

    @GetMapping("/v2/organizations/{orgId}/teams/{teamId}/workflows/{workflowId}")
    @Operation(summary = "A workflow of an organization's team, at cal.com's path")
    ApiResponse<WorkflowOutput> organizationTeamWorkflow(@PathVariable @Positive int orgId,
                                                         @PathVariable @Positive int teamId,
                                                         @PathVariable @Positive int workflowId) {
        requireTeamOf(orgId, teamId);
        ApiResponse<WorkflowOutput> workflow = workflow(workflowId);
        if (!Integer.valueOf(teamId).equals(workflow.data().teamId())) {
            throw new ResourceNotFound("Team " + teamId + " has no workflow " + workflowId);
        }
        return workflow;
    }

    /** cal.com's path names the organization and the team: a team of another organization is not there. */
    private void requireTeamOf(int orgId, int teamId) {
        queries.query(new FindTeam(teamId, Callers.required()), ResponseTypes.optionalInstanceOf(TeamView.class))
                .join().filter(team -> Integer.valueOf(orgId).equals(team.parentId()))
                .orElseThrow(() -> new ResourceNotFound("Organization " + orgId + " has no team " + teamId));
    }

    @GetMapping("/v2/workflows/{workflowId}")
    @Operation(summary = "Get a workflow with its steps and activation")
    ApiResponse<WorkflowOutput> workflow(@PathVariable @Positive int workflowId) {
        return ApiResponse.success(WorkflowOutput.of(queries.query(new FindWorkflow(workflowId, Callers.required()),
                ResponseTypes.optionalInstanceOf(WorkflowView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No workflow with id " + workflowId))));
    }

    /** The configuration as one flat object, its id and event type beside the settings' columns. */
    record AIPhoneCallConfigurationOutput(int id, int eventTypeId, String generalPrompt, String yourPhoneNumber,
                                          String numberToCall, String guestName, Boolean enabled, String beginMessage,
                                          String llmId, String guestCompany, String guestEmail, String schedulerName,
                                          String templateType) {
        static AIPhoneCallConfigurationOutput of(AIPhoneCallConfigurationView view) {
            AIPhoneCallSettings s = view.settings();
            return new AIPhoneCallConfigurationOutput(view.id(), view.eventTypeId(), s.generalPrompt(),
                    s.yourPhoneNumber(), s.numberToCall(), s.guestName(), s.enabled(), s.beginMessage(), s.llmId(),
                    s.guestCompany(), s.guestEmail(), s.schedulerName(), s.templateType());
        }
    }

    @GetMapping("/v2/event-types/{eventTypeId}/ai-phone-call-configuration")
    @Operation(summary = "An event type's AI phone call configuration")
    ApiResponse<AIPhoneCallConfigurationOutput> aiPhoneCallConfiguration(@PathVariable @Positive int eventTypeId) {
        return ApiResponse.success(AIPhoneCallConfigurationOutput.of(queries.query(
                        new FindAIPhoneCallConfiguration(eventTypeId, Callers.required()),
                        ResponseTypes.optionalInstanceOf(AIPhoneCallConfigurationView.class)).join()
                .orElseThrow(() -> new ResourceNotFound(
                        "Event type " + eventTypeId + " has no AI phone call configuration"))));
    }

    private List<WorkflowOutput> list(Integer teamId, int take, int skip) {
        return queries.query(new FindWorkflows(teamId, Callers.required()),
                        ResponseTypes.multipleInstancesOf(WorkflowView.class)).join().stream()
                .skip(skip).limit(take).map(WorkflowOutput::of).toList();
    }
}
