package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.AIPhoneCallConfigurationView;
import com.calcomalt.contracts.automation.FindAIPhoneCallConfiguration;
import com.calcomalt.contracts.automation.FindWorkflow;
import com.calcomalt.contracts.automation.FindWorkflows;
import com.calcomalt.contracts.automation.WorkflowStepView;
import com.calcomalt.contracts.automation.WorkflowView;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Locale;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Workflows as far as the caller may see them, settings and steps shown flat with cal.com's column names. */
@RestController
@Tag(name = "Workflows")
class WorkflowQueryController {

    private final QueryGateway queries;
    private final ObjectMapper json;

    WorkflowQueryController(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/v2/workflows")
    @Operation(summary = "The caller's workflows and those of their teams")
    ApiResponse<List<ObjectNode>> workflows() {
        return ApiResponse.success(list(null));
    }

    @GetMapping("/v2/teams/{teamId}/workflows")
    @Operation(summary = "A team's workflows")
    ApiResponse<List<ObjectNode>> teamWorkflows(@PathVariable @Positive int teamId) {
        return ApiResponse.success(list(teamId));
    }

    @GetMapping("/v2/workflows/{workflowId}")
    @Operation(summary = "Get a workflow with its steps and activations")
    ApiResponse<ObjectNode> workflow(@PathVariable @Positive int workflowId) {
        return ApiResponse.success(flat(queries.query(new FindWorkflow(workflowId, Callers.required()),
                ResponseTypes.optionalInstanceOf(WorkflowView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No workflow with id " + workflowId))));
    }

    @GetMapping("/v2/event-types/{eventTypeId}/ai-phone-call-configuration")
    @Operation(summary = "An event type's AI phone call configuration")
    ApiResponse<ObjectNode> aiPhoneCallConfiguration(@PathVariable @Positive int eventTypeId) {
        AIPhoneCallConfigurationView view = queries.query(new FindAIPhoneCallConfiguration(eventTypeId,
                        Callers.required()), ResponseTypes.optionalInstanceOf(AIPhoneCallConfigurationView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("Event type " + eventTypeId + " has no AI phone call configuration"));
        ObjectNode node = json.createObjectNode();
        node.put("id", view.id());
        node.put("eventTypeId", view.eventTypeId());
        node.setAll((ObjectNode) json.valueToTree(view.settings()));
        return ApiResponse.success(node);
    }

    private List<ObjectNode> list(Integer teamId) {
        return queries.query(new FindWorkflows(teamId, Callers.required()),
                ResponseTypes.multipleInstancesOf(WorkflowView.class)).join().stream().map(this::flat).toList();
    }

    private ObjectNode flat(WorkflowView view) {
        ObjectNode node = json.createObjectNode();
        node.put("id", view.id());
        node.putPOJO("userId", view.userId());
        node.putPOJO("teamId", view.teamId());
        node.put("name", view.settings().name());
        node.put("trigger", view.settings().trigger().name());
        node.putPOJO("time", view.settings().time());
        node.put("timeUnit", view.settings().timeUnit() == null ? null
                : view.settings().timeUnit().name().toUpperCase(Locale.ROOT));
        node.put("isActiveOnAll", view.settings().isActiveOnAll());
        node.put("position", view.position());
        node.set("activeOn", json.valueToTree(view.activeOnEventTypeIds()));
        node.set("activeOnTeams", json.valueToTree(view.activeOnTeamIds()));
        node.set("steps", json.valueToTree(view.steps().stream().map(this::flat).toList()));
        return node;
    }

    private ObjectNode flat(WorkflowStepView step) {
        ObjectNode node = json.createObjectNode();
        node.put("id", step.id());
        node.put("stepNumber", step.stepNumber());
        node.setAll((ObjectNode) json.valueToTree(step.settings()));
        node.put("numberVerificationPending", step.numberVerificationPending());
        node.putPOJO("verifiedAt", step.verifiedAt());
        return node;
    }
}
