package com.calcomalt.command.automation;

import com.calcomalt.command.identity.IdentityLookups;
import com.calcomalt.command.scheduling.SchedulingLookups;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.automation.AddWorkflowStep;
import com.calcomalt.contracts.automation.CreateWorkflow;
import com.calcomalt.contracts.automation.DeleteWorkflow;
import com.calcomalt.contracts.automation.EditWorkflowStep;
import com.calcomalt.contracts.automation.NewWorkflowStep;
import com.calcomalt.contracts.automation.RemoveWorkflowStep;
import com.calcomalt.contracts.automation.ReorderWorkflowSteps;
import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.UpdateWorkflow;
import com.calcomalt.contracts.automation.WorkflowOutput;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepAction;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowStepTemplate;
import com.calcomalt.contracts.automation.WorkflowTargets;
import com.calcomalt.contracts.automation.WorkflowTriggerType;
import com.calcomalt.contracts.automation.WorkflowView;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
 * Workflows of the caller and of teams in cal.com API v2's shape (CreateEventTypeWorkflowDto,
 * UpdateEventTypeWorkflowDto): name, activation, trigger {type, offset}, steps with action,
 * recipient, template, sender and message. Every command answers the workflow as it now is. The
 * /steps, /steps/reorder and /activation endpoints are ours, with the same step and activation shapes.
 */
@RestController
@Tag(name = "Workflows")
class WorkflowCommandController {

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final SchedulingLookups scheduling;
    private final IdentityLookups identity;
    private final WorkflowLookups workflows;

    WorkflowCommandController(CommandGateway commands, IdAllocator ids, SchedulingLookups scheduling,
                              IdentityLookups identity, WorkflowLookups workflows) {
        this.commands = commands;
        this.ids = ids;
        this.scheduling = scheduling;
        this.identity = identity;
        this.workflows = workflows;
    }

    /** cal.com's WorkflowActivationDto; activeOnTeamIds is ours, for an organization's workflow. */
    record ActivationInput(Boolean isActiveOnAllEventTypes, List<@NotNull @Positive Integer> activeOnEventTypeIds,
                           List<@NotNull @Positive Integer> activeOnTeamIds) {
    }

    record OffsetInput(@NotNull @PositiveOrZero Integer value, @NotNull TimeUnit unit) {
    }

    /** offset is required for beforeEvent, afterEvent and the two Cal Video no-show triggers, as in cal.com. */
    record TriggerInput(@NotNull WorkflowTriggerType type, @Valid OffsetInput offset) {
    }

    /** html for email actions, text for SMS and WhatsApp ones. */
    record MessageInput(@NotNull @Size(max = 1_000) String subject, @Size(max = 100_000) String html,
                        @Size(max = 100_000) String text) {
    }

    /**
     * One of cal.com's workflow step DTOs. cal.com names an email_address or *_number recipient by a
     * verified resource id (verifiedEmailId, verifiedPhoneId); there are no verified resources here, so
     * the address goes in email and the number in phone, the fields cal.com answers them in. id names
     * a step to keep when a workflow is changed; recipient is derived from the action, as cal.com does.
     */
    record StepInput(@Positive Integer id, @NotNull WorkflowStepAction action, @Positive Integer stepNumber,
                     @Schema(allowableValues = {"const", "attendee", "email", "phone_number"}) String recipient,
                     WorkflowStepTemplate template, @NotNull @Size(max = 255) String sender,
                     Boolean includeCalendarEvent, Boolean phoneRequired, @NotNull @Valid MessageInput message,
                     @Size(max = 320) String email, @Size(max = 32) String phone) {
    }

    record CreateInput(@NotBlank @Size(max = 255) String name, @NotNull @Valid ActivationInput activation,
                       @NotNull @Valid TriggerInput trigger,
                       @NotNull @Size(min = 1) List<@Valid @NotNull StepInput> steps) {
    }

    record UpdateInput(@Size(min = 1, max = 255) String name, @Valid ActivationInput activation,
                       @Valid TriggerInput trigger, @Size(min = 1) List<@Valid @NotNull StepInput> steps) {
    }

    record OrderInput(@NotNull List<@NotNull @Positive Integer> stepIds) {
    }

    /** cal.com's answer to a DELETE: the status alone. */
    record Deleted(String status) {
    }

    @PostMapping("/v2/workflows")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a workflow of the caller")
    ResponseEntity<ApiResponse<WorkflowOutput>> create(@Valid @RequestBody CreateInput input) {
        return create(input, Callers.required().userId(), null);
    }

    @PostMapping("/v2/teams/{teamId}/workflows")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a workflow of a team (admins and owners)")
    ResponseEntity<ApiResponse<WorkflowOutput>> createForTeam(@PathVariable @Positive int teamId,
                                                              @Valid @RequestBody CreateInput input) {
        return create(input, null, teamId);
    }

    @PostMapping("/v2/organizations/{orgId}/teams/{teamId}/workflows")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a workflow of an organization's team (admins and owners), at cal.com's path")
    ResponseEntity<ApiResponse<WorkflowOutput>> createForOrganizationTeam(@PathVariable @Positive int orgId,
                                                                          @PathVariable @Positive int teamId,
                                                                          @Valid @RequestBody CreateInput input) {
        requireTeamOf(orgId, teamId);
        return create(input, null, teamId);
    }

    @PatchMapping("/v2/organizations/{orgId}/teams/{teamId}/workflows/{workflowId}")
    @Operation(summary = "Change a workflow of an organization's team, at cal.com's path")
    ApiResponse<WorkflowOutput> updateOfOrganizationTeam(@PathVariable @Positive int orgId,
                                                         @PathVariable @Positive int teamId,
                                                         @PathVariable @Positive int workflowId,
                                                         @Valid @RequestBody UpdateInput input) {
        requireWorkflowOf(orgId, teamId, workflowId);
        return update(workflowId, input);
    }

    @DeleteMapping("/v2/organizations/{orgId}/teams/{teamId}/workflows/{workflowId}")
    @Operation(summary = "Delete a workflow of an organization's team, at cal.com's path")
    Deleted deleteOfOrganizationTeam(@PathVariable @Positive int orgId, @PathVariable @Positive int teamId,
                                     @PathVariable @Positive int workflowId) {
        requireWorkflowOf(orgId, teamId, workflowId);
        return delete(workflowId);
    }

    /** cal.com's path names the organization and the team: a team of another organization is not there. */
    private void requireTeamOf(int orgId, int teamId) {
        if (identity.team(teamId).map(team -> !Integer.valueOf(orgId).equals(team.parentId())).orElse(true)) {
            throw new ResourceNotFound("Organization " + orgId + " has no team " + teamId);
        }
    }

    private void requireWorkflowOf(int orgId, int teamId, int workflowId) {
        requireTeamOf(orgId, teamId);
        if (workflows.owner(workflowId).map(w -> !Integer.valueOf(teamId).equals(w.teamId())).orElse(true)) {
            throw new ResourceNotFound("Team " + teamId + " has no workflow " + workflowId);
        }
    }

    @PatchMapping("/v2/workflows/{workflowId}")
    @Operation(summary = "Change a workflow's name, trigger or activation, or replace its steps: listed steps with "
            + "an id are kept and changed, those without are added, the others removed")
    ApiResponse<WorkflowOutput> update(@PathVariable @Positive int workflowId, @Valid @RequestBody UpdateInput input) {
        List<NewWorkflowStep> steps = input.steps() == null ? null : newSteps(input.steps(), true);
        return answer(commands.sendAndWait(new UpdateWorkflow(workflowId, settings(input.name(), input.trigger(),
                input.activation()), steps, targets(input.activation()))));
    }

    @DeleteMapping("/v2/workflows/{workflowId}")
    @Operation(summary = "Delete a workflow with its steps and activations")
    Deleted delete(@PathVariable @Positive int workflowId) {
        commands.sendAndWait(new DeleteWorkflow(workflowId));
        return new Deleted("success");
    }

    @PostMapping("/v2/workflows/{workflowId}/steps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a step, at the end or at stepNumber")
    ResponseEntity<ApiResponse<WorkflowOutput>> addStep(@PathVariable @Positive int workflowId,
                                                        @Valid @RequestBody StepInput input) {
        if (input.id() != null) {
            throw new InvalidInput("id", "is given to a new step here");
        }
        int stepId = ids.next("WorkflowStep");
        WorkflowView workflow = commands.sendAndWait(new AddWorkflowStep(workflowId, stepId, input.stepNumber(),
                stepSettings(input, "")));
        return ResponseEntity.created(URI.create("/v2/workflows/" + workflowId + "/steps/" + stepId))
                .body(answer(workflow));
    }

    @PatchMapping("/v2/workflows/{workflowId}/steps/{stepId}")
    @Operation(summary = "Replace a step's action, recipient, template, sender and message")
    ApiResponse<WorkflowOutput> editStep(@PathVariable @Positive int workflowId, @PathVariable @Positive int stepId,
                                         @Valid @RequestBody StepInput input) {
        if (input.stepNumber() != null) {
            throw new InvalidInput("stepNumber", "changes with POST /v2/workflows/{workflowId}/steps/reorder");
        }
        return answer(commands.sendAndWait(new EditWorkflowStep(workflowId, stepId, stepSettings(input, ""))));
    }

    @DeleteMapping("/v2/workflows/{workflowId}/steps/{stepId}")
    @Operation(summary = "Remove a step; later steps move up")
    ApiResponse<WorkflowOutput> removeStep(@PathVariable @Positive int workflowId, @PathVariable @Positive int stepId) {
        return answer(commands.sendAndWait(new RemoveWorkflowStep(workflowId, stepId)));
    }

    @PostMapping("/v2/workflows/{workflowId}/steps/reorder")
    @Operation(summary = "Put every step in a new order, numbered from 1")
    ApiResponse<WorkflowOutput> reorder(@PathVariable @Positive int workflowId, @Valid @RequestBody OrderInput input) {
        return answer(commands.sendAndWait(new ReorderWorkflowSteps(workflowId, input.stepIds())));
    }

    @PutMapping("/v2/workflows/{workflowId}/activation")
    @Operation(summary = "Set where the workflow is active: all or some of its owner's event types (a MANAGED one "
            + "with its children) or, for an organization's workflow, teams; empty lists deactivate it")
    ApiResponse<WorkflowOutput> activate(@PathVariable @Positive int workflowId,
                                         @Valid @RequestBody ActivationInput input) {
        return answer(commands.sendAndWait(new UpdateWorkflow(workflowId, settings(null, null,
                input), null, targets(input))));
    }

    private ResponseEntity<ApiResponse<WorkflowOutput>> create(CreateInput input, Integer userId, Integer teamId) {
        int workflowId = ids.next("Workflow");
        WorkflowView workflow = commands.sendAndWait(new CreateWorkflow(workflowId, userId, teamId,
                settings(input.name(), input.trigger(), input.activation()), newSteps(input.steps(), false),
                targets(input.activation())));
        return ResponseEntity.created(URI.create("/v2/workflows/" + workflowId)).body(answer(workflow));
    }

    private static ApiResponse<WorkflowOutput> answer(WorkflowView workflow) {
        return ApiResponse.success(WorkflowOutput.of(workflow));
    }

    /** The steps in stepNumber order; a step without id is a new one (and on creation every step is). */
    private List<NewWorkflowStep> newSteps(List<StepInput> steps, boolean idsKept) {
        List<StepInput> ordered = new ArrayList<>(steps);
        if (ordered.stream().anyMatch(s -> s.stepNumber() == null)) {
            throw new InvalidInput("steps.stepNumber", "is required: the step's place in the workflow");
        }
        if (new HashSet<>(ordered.stream().map(StepInput::stepNumber).toList()).size() != ordered.size()) {
            throw new InvalidInput("steps.stepNumber", "is a different number for each step");
        }
        ordered.sort(Comparator.comparingInt(StepInput::stepNumber));
        List<Integer> fresh = ids.next("WorkflowStep", (int) ordered.stream()
                .filter(s -> !idsKept || s.id() == null).count());
        List<NewWorkflowStep> result = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < ordered.size(); i++) {
            StepInput step = ordered.get(i);
            if (!idsKept && step.id() != null) {
                throw new InvalidInput("steps[" + i + "].id", "is given to a new step here");
            }
            int stepId = idsKept && step.id() != null ? step.id() : fresh.get(next++);
            result.add(new NewWorkflowStep(stepId, stepSettings(step, "steps[" + i + "].")));
        }
        return result;
    }

    /** cal.com's step DTO as the WorkflowStep columns; the message's html or text is the reminderBody. */
    private static WorkflowStepSettings stepSettings(StepInput step, String at) {
        WorkflowStepAction action = step.action();
        if (action == WorkflowStepAction.cal_ai_phone_call) {
            throw new InvalidInput(at + "action", "cal_ai_phone_call steps are not made through this API, as in cal.com");
        }
        String body = action.sendsEmail() ? step.message().html() : step.message().text();
        if (body == null) {
            throw new InvalidInput(at + "message." + (action.sendsEmail() ? "html" : "text"),
                    "is required for " + action);
        }
        if (step.recipient() != null && !step.recipient().equals(action.recipient())) {
            throw new InvalidInput(at + "recipient", "is " + action.recipient() + " for " + action);
        }
        String sendTo = switch (action) {
            case email_address -> required(step.email(), at + "email", "is the address email_address sends to");
            case sms_number, whatsapp_number -> required(step.phone(), at + "phone",
                    "is the number " + action + " sends to, such as +4915112345678");
            default -> null;
        };
        Boolean phoneRequired = action.action().sendsToAttendeeNumber()
                ? Objects.requireNonNullElse(step.phoneRequired(), false) : null;
        Boolean includeCalendarEvent = action.sendsEmail()
                ? Objects.requireNonNullElse(step.includeCalendarEvent(), false) : Boolean.FALSE;
        return new WorkflowStepSettings(action.action(), step.template() == null ? null : step.template().template(),
                body, step.message().subject(), sendTo, phoneRequired, step.sender(), includeCalendarEvent);
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, what);
        }
        return value;
    }

    /** The Workflow columns: name, trigger, time and timeUnit from the offset, isActiveOnAll; null is unchanged. */
    private static WorkflowSettings settings(String name, TriggerInput trigger, ActivationInput activation) {
        Integer time = null;
        TimeUnit unit = null;
        if (trigger != null && trigger.type().hasOffset()) {
            if (trigger.offset() == null) {
                throw new InvalidInput("trigger.offset", "is required for " + trigger.type());
            }
            time = trigger.offset().value();
            unit = trigger.offset().unit();
        } else if (trigger != null && trigger.offset() != null) {
            throw new InvalidInput("trigger.offset", trigger.type() + " fires at no offset");
        }
        return new WorkflowSettings(name, trigger == null ? null : trigger.type().event(), time, unit,
                activation == null ? null : activation.isActiveOnAllEventTypes());
    }

    /** Null leaves the activation as it is; each new activation row gets its id here. */
    private WorkflowTargets targets(ActivationInput activation) {
        if (activation == null || (activation.activeOnEventTypeIds() == null && activation.activeOnTeamIds() == null)) {
            return null;
        }
        List<Integer> eventTypeIds = Objects.requireNonNullElse(activation.activeOnEventTypeIds(), List.of());
        List<Integer> teamIds = Objects.requireNonNullElse(activation.activeOnTeamIds(), List.of());
        int eventTypeRows = eventTypeIds.size()
                + eventTypeIds.stream().mapToInt(id -> scheduling.childrenOf(id).size()).sum();
        return new WorkflowTargets(eventTypeIds, teamIds, ids.next("WorkflowsOnEventTypes", eventTypeRows),
                ids.next("WorkflowsOnTeams", teamIds.size()));
    }
}
