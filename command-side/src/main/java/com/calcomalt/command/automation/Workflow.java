package com.calcomalt.command.automation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.automation.AddWorkflowStep;
import com.calcomalt.contracts.automation.CreateWorkflow;
import com.calcomalt.contracts.automation.DeleteWorkflow;
import com.calcomalt.contracts.automation.EditWorkflowStep;
import com.calcomalt.contracts.automation.NewWorkflowStep;
import com.calcomalt.contracts.automation.RemoveWorkflowStep;
import com.calcomalt.contracts.automation.ReorderWorkflowSteps;
import com.calcomalt.contracts.automation.SetWorkflowActivation;
import com.calcomalt.contracts.automation.UpdateWorkflow;
import com.calcomalt.contracts.automation.WorkflowActivation;
import com.calcomalt.contracts.automation.WorkflowActivationSet;
import com.calcomalt.contracts.automation.WorkflowCreated;
import com.calcomalt.contracts.automation.WorkflowDeleted;
import com.calcomalt.contracts.automation.WorkflowIds;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepAdded;
import com.calcomalt.contracts.automation.WorkflowStepEdited;
import com.calcomalt.contracts.automation.WorkflowStepRemoved;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowStepsReordered;
import com.calcomalt.contracts.automation.WorkflowTargets;
import com.calcomalt.contracts.automation.WorkflowView;
import com.calcomalt.contracts.automation.WorkflowUpdated;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A workflow of a user or of a team: when it fires (trigger, time, timeUnit), what it does (steps
 * numbered 1..n after every change) and where it is active. A user changes their own workflows; a
 * team's are changed by the team's admins and owners. An organization's workflow is active on its
 * teams, any other on event types of its owner (a MANAGED one with its children), as in cal.com.
 */
@Aggregate
public class Workflow {

    static final String TARGETS = "activationTargets";

    @AggregateIdentifier
    private String aggregateId;
    private int workflowId;
    private Integer userId;
    private Integer teamId;
    private WorkflowSettings settings;
    @AggregateMember
    private final List<WorkflowStep> steps = new ArrayList<>();
    private final Map<Integer, Integer> eventTypeRows = new HashMap<>();
    private final Map<Integer, Integer> teamRows = new HashMap<>();

    protected Workflow() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    WorkflowView handle(CreateWorkflow command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                        @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                        @MetaDataValue(TARGETS) ActivationTargets targets, Clock clock) {
        if ((command.userId() == null) == (command.teamId() == null)) {
            throw new DomainRuleViolation("A workflow belongs to a user or to a team");
        }
        Integer owner = command.userId();
        TeamAccess teamAccess = access != null && command.teamId() != null && access.teamId() == command.teamId()
                ? access : null;
        if (command.teamId() != null) {
            requireRunBy(teamAccess, command.teamId());
            owner = caller.userId();
        } else if (caller == null || !caller.mayActAs(command.userId())) {
            throw new AccessDenied("Users make workflows for themselves");
        }
        WorkflowSettings initial = WorkflowRules.require(WorkflowRules.merge(WorkflowRules.DEFAULTS, command.settings()));
        List<NewWorkflowStep> newSteps = command.steps() == null ? List.of() : command.steps();
        List<WorkflowStepSettings> completed = newSteps.stream().map(s -> WorkflowRules.complete(s.settings())).toList();
        requireDistinct(newSteps.stream().map(NewWorkflowStep::stepId).toList());
        WorkflowActivationSet activation = command.activation() == null ? null
                : activation(command.workflowId(), owner, command.teamId(), teamAccess, command.activation(), targets);
        apply(new WorkflowCreated(command.workflowId(), owner, command.teamId(), initial));
        Instant now = clock.instant();
        for (int i = 0; i < newSteps.size(); i++) {
            apply(new WorkflowStepAdded(workflowId, newSteps.get(i).stepId(), i + 1, completed.get(i), now));
        }
        if (activation != null && !(activation.eventTypes().isEmpty() && activation.teams().isEmpty())) {
            apply(activation);
        }
        return view();
    }

    @CommandHandler
    WorkflowView handle(UpdateWorkflow command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                        @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                        @MetaDataValue(TARGETS) ActivationTargets targets, Clock clock) {
        requireChangeableBy(caller, access);
        WorkflowSettings changed = WorkflowRules.require(WorkflowRules.merge(settings, command.settings()));
        List<NewWorkflowStep> revised = command.steps();
        List<WorkflowStepSettings> completed = revised == null ? null
                : revised.stream().map(s -> WorkflowRules.complete(s.settings())).toList();
        if (revised != null) {
            requireDistinct(revised.stream().map(NewWorkflowStep::stepId).toList());
        }
        WorkflowActivationSet activation = command.activation() == null ? null
                : activation(workflowId, userId, teamId, access, command.activation(), targets);
        if (!changed.equals(settings)) {
            apply(new WorkflowUpdated(workflowId, userId, teamId, changed));
        }
        if (revised != null) {
            replaceSteps(revised, completed, clock.instant());
        }
        if (activation != null && (!asMap(activation.eventTypes()).equals(eventTypeRows)
                || !asMap(activation.teams()).equals(teamRows))) {
            apply(activation);
        }
        return view();
    }

    /**
     * cal.com's PATCH gives the whole list: listed steps the workflow has are replaced, new ones are
     * added at the end, the others removed; then the list's order is the order.
     */
    private void replaceSteps(List<NewWorkflowStep> revised, List<WorkflowStepSettings> completed, Instant now) {
        List<Integer> wanted = revised.stream().map(NewWorkflowStep::stepId).toList();
        for (int stepId : stepOrder()) {
            if (!wanted.contains(stepId)) {
                apply(new WorkflowStepRemoved(workflowId, stepId));
            }
        }
        for (int i = 0; i < revised.size(); i++) {
            int stepId = revised.get(i).stepId();
            if (stepOrder().contains(stepId)) {
                if (!completed.get(i).equals(step(stepId).settings())) {
                    apply(new WorkflowStepEdited(workflowId, stepId, completed.get(i), now));
                }
            } else {
                apply(new WorkflowStepAdded(workflowId, stepId, steps.size() + 1, completed.get(i), now));
            }
        }
        boolean numbered = true;
        for (int i = 0; i < steps.size(); i++) {
            numbered &= steps.get(i).stepNumber() == i + 1;
        }
        if (!numbered || !stepOrder().equals(wanted)) {
            apply(new WorkflowStepsReordered(workflowId, wanted));
        }
    }

    @CommandHandler
    void handle(DeleteWorkflow command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access) {
        requireChangeableBy(caller, access);
        apply(new WorkflowDeleted(workflowId, userId, teamId));
    }

    @CommandHandler
    WorkflowView handle(AddWorkflowStep command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                        @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        requireChangeableBy(caller, access);
        int position = command.stepNumber() == null ? steps.size() + 1 : command.stepNumber();
        if (position < 1 || position > steps.size() + 1) {
            throw new DomainRuleViolation("A new step's number is 1 to " + (steps.size() + 1));
        }
        if (steps.stream().anyMatch(s -> s.stepId() == command.stepId())) {
            throw new DomainRuleViolation("Workflow " + workflowId + " has a step " + command.stepId() + " already");
        }
        WorkflowStepSettings completed = WorkflowRules.complete(command.settings());
        List<Integer> order = new ArrayList<>(stepOrder());
        apply(new WorkflowStepAdded(workflowId, command.stepId(), position, completed, clock.instant()));
        if (position <= order.size()) {
            order.add(position - 1, command.stepId());
            apply(new WorkflowStepsReordered(workflowId, order));
        }
        return view();
    }

    @CommandHandler
    WorkflowView handle(EditWorkflowStep command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                        @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        requireChangeableBy(caller, access);
        WorkflowStep step = step(command.stepId());
        WorkflowStepSettings changed = WorkflowRules.merge(step.settings(), command.settings());
        if (!changed.equals(step.settings())) {
            apply(new WorkflowStepEdited(workflowId, command.stepId(), changed, clock.instant()));
        }
        return view();
    }

    @CommandHandler
    WorkflowView handle(RemoveWorkflowStep command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                        @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access) {
        requireChangeableBy(caller, access);
        WorkflowStep removed = step(command.stepId());
        List<Integer> order = new ArrayList<>(stepOrder());
        order.remove(Integer.valueOf(removed.stepId()));
        apply(new WorkflowStepRemoved(workflowId, command.stepId()));
        if (removed.stepNumber() <= order.size()) {
            apply(new WorkflowStepsReordered(workflowId, order));
        }
        return view();
    }

    @CommandHandler
    WorkflowView handle(ReorderWorkflowSteps command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                        @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access) {
        requireChangeableBy(caller, access);
        List<Integer> order = command.stepIds() == null ? List.of() : command.stepIds();
        requireDistinct(order);
        if (!new HashSet<>(order).equals(new HashSet<>(stepOrder()))) {
            throw new DomainRuleViolation("A new order names every step of workflow " + workflowId + " once: "
                    + stepOrder().stream().sorted().toList());
        }
        if (!order.equals(stepOrder())) {
            apply(new WorkflowStepsReordered(workflowId, order));
        }
        return view();
    }

    @CommandHandler
    WorkflowView handle(SetWorkflowActivation command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                        @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                        @MetaDataValue(TARGETS) ActivationTargets targets) {
        requireChangeableBy(caller, access);
        WorkflowActivationSet activation = activation(workflowId, userId, teamId, access, command.activation(), targets);
        if (!asMap(activation.eventTypes()).equals(eventTypeRows) || !asMap(activation.teams()).equals(teamRows)) {
            apply(activation);
        }
        return view();
    }

    /**
     * An organization's workflow is active on its teams, any other on event types of its owner (a
     * MANAGED one with its children); what stays active keeps its row.
     */
    private WorkflowActivationSet activation(int workflowId, Integer userId, Integer teamId, TeamAccess access,
                                             WorkflowTargets wanted, ActivationTargets targets) {
        List<Integer> eventTypeIds = Objects.requireNonNullElse(wanted.eventTypeIds(), List.of());
        List<Integer> teamIds = Objects.requireNonNullElse(wanted.teamIds(), List.of());
        requireDistinct(eventTypeIds);
        requireDistinct(teamIds);
        boolean ofOrganization = teamId != null && access != null && access.isOrganization();
        if (ofOrganization && !eventTypeIds.isEmpty()) {
            throw new DomainRuleViolation("An organization's workflow is active on its teams, not on event types");
        }
        if (!ofOrganization && !teamIds.isEmpty()) {
            throw new DomainRuleViolation("Only an organization's workflow is active on teams");
        }
        ActivationTargets known = targets == null ? new ActivationTargets(Map.of(), Map.of(), Map.of()) : targets;
        for (int eventTypeId : eventTypeIds) {
            ActivationTargets.Owner owner = known.eventTypes().get(eventTypeId);
            if (owner == null) {
                throw new NotFound("No event type " + eventTypeId);
            }
            boolean controlled = teamId != null ? teamId.equals(owner.teamId()) : Objects.equals(userId, owner.userId());
            if (!controlled) {
                throw new AccessDenied("Workflow " + workflowId + " may be active only on event types of "
                        + (teamId != null ? "team " + teamId : "user " + userId) + ", not on " + eventTypeId);
            }
        }
        for (int team : teamIds) {
            ActivationTargets.Owner parent = known.teams().get(team);
            if (parent == null) {
                throw new NotFound("No team " + team);
            }
            if (!teamId.equals(parent.teamId())) {
                throw new AccessDenied("Workflow " + workflowId + " may be active only on teams of organization "
                        + teamId + ", not on " + team);
            }
        }
        List<WorkflowActivation> onEventTypes = activations(withChildren(eventTypeIds, known), eventTypeRows,
                wanted.eventTypeRowIds());
        List<WorkflowActivation> onTeams = activations(teamIds, teamRows, wanted.teamRowIds());
        return new WorkflowActivationSet(workflowId, userId, teamId, onEventTypes, onTeams);
    }

    /** The workflow as its events leave it: what every command answers. */
    private WorkflowView view() {
        return new WorkflowView(workflowId, userId, teamId, 0, settings,
                steps.stream().map(WorkflowStep::view).toList(),
                eventTypeRows.keySet().stream().sorted().toList(), teamRows.keySet().stream().sorted().toList());
    }

    /** A MANAGED event type's children follow it, as cal.com activates a team workflow on them too. */
    private static List<Integer> withChildren(List<Integer> eventTypeIds, ActivationTargets known) {
        List<Integer> all = new ArrayList<>();
        for (int eventTypeId : eventTypeIds) {
            if (!all.contains(eventTypeId)) {
                all.add(eventTypeId);
            }
            known.children().getOrDefault(eventTypeId, List.of()).stream().filter(child -> !all.contains(child))
                    .forEach(all::add);
        }
        return all;
    }

    /** What stays active keeps its row; what is new takes the next of the given row ids. */
    private static List<WorkflowActivation> activations(List<Integer> targets, Map<Integer, Integer> existing,
                                                        List<Integer> rowIds) {
        List<WorkflowActivation> result = new ArrayList<>();
        int next = 0;
        for (int target : targets) {
            Integer row = existing.get(target);
            if (row == null) {
                if (rowIds == null || next >= rowIds.size()) {
                    throw new DomainConflict("The event types changed while activating workflow; try again");
                }
                row = rowIds.get(next++);
            }
            result.add(new WorkflowActivation(row, target));
        }
        return result;
    }

    private static Map<Integer, Integer> asMap(List<WorkflowActivation> activations) {
        Map<Integer, Integer> byTarget = new HashMap<>();
        activations.forEach(a -> byTarget.put(a.targetId(), a.id()));
        return byTarget;
    }

    private static void requireDistinct(List<Integer> ids) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new DomainRuleViolation("An id is named twice: " + ids);
        }
    }

    private List<Integer> stepOrder() {
        return steps.stream().map(WorkflowStep::stepId).toList();
    }

    private WorkflowStep step(int stepId) {
        return steps.stream().filter(s -> s.stepId() == stepId).findFirst()
                .orElseThrow(() -> new NotFound("Workflow " + workflowId + " has no step " + stepId));
    }

    private void requireChangeableBy(Caller caller, TeamAccess access) {
        if (teamId != null) {
            requireRunBy(access, teamId);
        } else if (caller == null || !caller.mayActAs(userId)) {
            throw new AccessDenied("Only user " + userId + " changes workflow " + workflowId);
        }
    }

    private static void requireRunBy(TeamAccess access, Integer teamId) {
        if (access == null) {
            throw new NotFound("No team " + teamId);
        }
        if (!access.runsTeam()) {
            throw new AccessDenied("Only an admin or owner of team " + teamId + " changes its workflows");
        }
    }

    @EventSourcingHandler
    void on(WorkflowCreated event) {
        aggregateId = WorkflowIds.aggregateId(event.workflowId());
        workflowId = event.workflowId();
        userId = event.userId();
        teamId = event.teamId();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(WorkflowUpdated event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(WorkflowStepAdded event) {
        steps.add(Math.min(event.stepNumber() - 1, steps.size()),
                new WorkflowStep(event.stepId(), event.stepNumber(), event.settings(), event.verifiedAt()));
    }

    @EventSourcingHandler
    void on(WorkflowStepRemoved event) {
        steps.removeIf(s -> s.stepId() == event.stepId());
    }

    /** The steps have renumbered themselves already; the list follows their order. */
    @EventSourcingHandler
    void on(WorkflowStepsReordered event) {
        steps.sort(java.util.Comparator.comparingInt(s -> event.stepIds().indexOf(s.stepId())));
    }

    @EventSourcingHandler
    void on(WorkflowActivationSet event) {
        eventTypeRows.clear();
        event.eventTypes().forEach(a -> eventTypeRows.put(a.targetId(), a.id()));
        teamRows.clear();
        event.teams().forEach(a -> teamRows.put(a.targetId(), a.id()));
    }

    @EventSourcingHandler
    void on(WorkflowDeleted event) {
        markDeleted();
    }
}
