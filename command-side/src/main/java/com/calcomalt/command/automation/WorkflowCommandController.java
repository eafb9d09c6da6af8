package com.calcomalt.command.automation;

import com.calcomalt.command.scheduling.SchedulingLookups;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.automation.AddWorkflowStep;
import com.calcomalt.contracts.automation.CreateWorkflow;
import com.calcomalt.contracts.automation.DeleteWorkflow;
import com.calcomalt.contracts.automation.EditWorkflowStep;
import com.calcomalt.contracts.automation.NewWorkflowStep;
import com.calcomalt.contracts.automation.RemoveWorkflowStep;
import com.calcomalt.contracts.automation.ReorderWorkflowSteps;
import com.calcomalt.contracts.automation.SetWorkflowActivation;
import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.UpdateWorkflow;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowTemplates;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workflows of the caller and of teams, their steps and where they are active. Bodies use cal.com's
 * column names; timeUnit is DAY, HOUR or MINUTE as in cal.com's API.
 */
@RestController
@Tag(name = "Workflows")
class WorkflowCommandController {

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final SchedulingLookups scheduling;

    WorkflowCommandController(CommandGateway commands, IdAllocator ids, SchedulingLookups scheduling) {
        this.commands = commands;
        this.ids = ids;
        this.scheduling = scheduling;
    }

    record StepInput(WorkflowActions action, WorkflowTemplates template, @Size(max = 100_000) String reminderBody,
                     @Size(max = 1_000) String emailSubject, @Size(max = 320) String sendTo, Boolean numberRequired,
                     @Size(max = 255) String sender, Boolean includeCalendarEvent) {

        WorkflowStepSettings settings() {
            return new WorkflowStepSettings(action, template, reminderBody, emailSubject, sendTo, numberRequired,
                    sender, includeCalendarEvent);
        }
    }

    record NewStepInput(@NotNull WorkflowActions action, WorkflowTemplates template,
                        @Size(max = 100_000) String reminderBody, @Size(max = 1_000) String emailSubject,
                        @Size(max = 320) String sendTo, Boolean numberRequired, @Size(max = 255) String sender,
                        Boolean includeCalendarEvent, @Positive Integer stepNumber) {

        WorkflowStepSettings settings() {
            return new WorkflowStepSettings(action, template, reminderBody, emailSubject, sendTo, numberRequired,
                    sender, includeCalendarEvent);
        }
    }

    record WorkflowInput(@NotBlank @Size(max = 255) String name, WorkflowTriggerEvents trigger,
                         @PositiveOrZero Integer time, String timeUnit, Boolean isActiveOnAll,
                         List<@Valid @NotNull NewStepInput> steps) {
    }

    record WorkflowChange(@Size(min = 1, max = 255) String name, WorkflowTriggerEvents trigger,
                          @PositiveOrZero Integer time, String timeUnit, Boolean isActiveOnAll) {
    }

    record OrderInput(@NotNull List<@NotNull @Positive Integer> stepIds) {
    }

    record ActivationInput(List<@NotNull @Positive Integer> eventTypeIds, List<@NotNull @Positive Integer> teamIds) {
    }

    record Created(int id, List<Integer> stepIds) {
    }

    record Step(int id, int workflowId) {
    }

    record Activation(int id, List<Integer> eventTypeIds, List<Integer> teamIds) {
    }

    @PostMapping("/v2/workflows")
    @Operation(summary = "Create a workflow of the caller")
    ResponseEntity<ApiResponse<Created>> create(@Valid @RequestBody WorkflowInput input) {
        return create(input, Callers.required().userId(), null);
    }

    @PostMapping("/v2/teams/{teamId}/workflows")
    @Operation(summary = "Create a workflow of a team (admins and owners)")
    ResponseEntity<ApiResponse<Created>> createForTeam(@PathVariable @Positive int teamId,
                                                       @Valid @RequestBody WorkflowInput input) {
        return create(input, null, teamId);
    }

    @PatchMapping("/v2/workflows/{workflowId}")
    @Operation(summary = "Change a workflow's name, trigger, time, timeUnit or isActiveOnAll")
    ApiResponse<Created> update(@PathVariable @Positive int workflowId, @Valid @RequestBody WorkflowChange input) {
        commands.sendAndWait(new UpdateWorkflow(workflowId, new WorkflowSettings(input.name(), input.trigger(),
                input.time(), timeUnit(input.timeUnit()), input.isActiveOnAll())));
        return ApiResponse.success(new Created(workflowId, null));
    }

    @DeleteMapping("/v2/workflows/{workflowId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a workflow with its steps and activations")
    void delete(@PathVariable @Positive int workflowId) {
        commands.sendAndWait(new DeleteWorkflow(workflowId));
    }

    @PostMapping("/v2/workflows/{workflowId}/steps")
    @Operation(summary = "Add a step, at the end or at stepNumber")
    ResponseEntity<ApiResponse<Step>> addStep(@PathVariable @Positive int workflowId,
                                              @Valid @RequestBody NewStepInput input) {
        int stepId = ids.next("WorkflowStep");
        commands.sendAndWait(new AddWorkflowStep(workflowId, stepId, input.stepNumber(), input.settings()));
        return ResponseEntity.created(URI.create("/v2/workflows/" + workflowId + "/steps/" + stepId))
                .body(ApiResponse.success(new Step(stepId, workflowId)));
    }

    @PatchMapping("/v2/workflows/{workflowId}/steps/{stepId}")
    @Operation(summary = "Change a step")
    ApiResponse<Step> editStep(@PathVariable @Positive int workflowId, @PathVariable @Positive int stepId,
                               @Valid @RequestBody StepInput input) {
        commands.sendAndWait(new EditWorkflowStep(workflowId, stepId, input.settings()));
        return ApiResponse.success(new Step(stepId, workflowId));
    }

    @DeleteMapping("/v2/workflows/{workflowId}/steps/{stepId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a step; later steps move up")
    void removeStep(@PathVariable @Positive int workflowId, @PathVariable @Positive int stepId) {
        commands.sendAndWait(new RemoveWorkflowStep(workflowId, stepId));
    }

    @PostMapping("/v2/workflows/{workflowId}/steps/reorder")
    @Operation(summary = "Put every step in a new order, numbered from 1")
    ApiResponse<Created> reorder(@PathVariable @Positive int workflowId, @Valid @RequestBody OrderInput input) {
        commands.sendAndWait(new ReorderWorkflowSteps(workflowId, input.stepIds()));
        return ApiResponse.success(new Created(workflowId, input.stepIds()));
    }

    @PutMapping("/v2/workflows/{workflowId}/activation")
    @Operation(summary = "Set the event types (a MANAGED one with its children) or, for an organization, the teams "
            + "the workflow is active on; empty lists deactivate it")
    ApiResponse<Activation> activate(@PathVariable @Positive int workflowId,
                                     @Valid @RequestBody ActivationInput input) {
        List<Integer> eventTypeIds = Objects.requireNonNullElse(input.eventTypeIds(), List.of());
        List<Integer> teamIds = Objects.requireNonNullElse(input.teamIds(), List.of());
        int eventTypeRows = eventTypeIds.size()
                + eventTypeIds.stream().mapToInt(id -> scheduling.childrenOf(id).size()).sum();
        commands.sendAndWait(new SetWorkflowActivation(workflowId, eventTypeIds, teamIds,
                ids.next("WorkflowsOnEventTypes", eventTypeRows), ids.next("WorkflowsOnTeams", teamIds.size())));
        return ApiResponse.success(new Activation(workflowId, eventTypeIds, teamIds));
    }

    private ResponseEntity<ApiResponse<Created>> create(WorkflowInput input, Integer userId, Integer teamId) {
        int workflowId = ids.next("Workflow");
        List<NewStepInput> steps = Objects.requireNonNullElse(input.steps(), List.of());
        if (steps.stream().anyMatch(s -> s.stepNumber() != null)) {
            throw new InvalidInput("steps.stepNumber", "is the order of the list when a workflow is created");
        }
        List<Integer> stepIds = ids.next("WorkflowStep", steps.size());
        List<NewWorkflowStep> newSteps = new java.util.ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            newSteps.add(new NewWorkflowStep(stepIds.get(i), steps.get(i).settings()));
        }
        commands.sendAndWait(new CreateWorkflow(workflowId, userId, teamId, new WorkflowSettings(input.name(),
                input.trigger(), input.time(), timeUnit(input.timeUnit()), input.isActiveOnAll()), newSteps));
        return ResponseEntity.created(URI.create("/v2/workflows/" + workflowId))
                .body(ApiResponse.success(new Created(workflowId, stepIds)));
    }

    /** cal.com's API says DAY, HOUR, MINUTE; the database says day, hour, minute. */
    private static TimeUnit timeUnit(String value) {
        if (value == null) {
            return null;
        }
        try {
            return TimeUnit.valueOf(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("timeUnit", "is DAY, HOUR or MINUTE");
        }
    }
}
