package com.calcomalt.command.automation;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.IdentityLookups;
import com.calcomalt.command.scheduling.SchedulingLookups;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.automation.AddWorkflowStep;
import com.calcomalt.contracts.automation.ConfigureAIPhoneCall;
import com.calcomalt.contracts.automation.CreateWorkflow;
import com.calcomalt.contracts.automation.DeleteWorkflow;
import com.calcomalt.contracts.automation.EditWorkflowStep;
import com.calcomalt.contracts.automation.RemoveAIPhoneCallConfiguration;
import com.calcomalt.contracts.automation.RemoveWorkflowStep;
import com.calcomalt.contracts.automation.ReorderWorkflowSteps;
import com.calcomalt.contracts.automation.SetWorkflowActivation;
import com.calcomalt.contracts.automation.UpdateWorkflow;
import com.calcomalt.contracts.identity.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Adds to an automation command, inside its transaction, what its aggregate needs to know beyond
 * itself: the caller's role in the owning team, who controls the event types and teams a workflow
 * is to be active on, and who owns an event type whose AI phone calls are configured.
 */
@Component
class WorkflowCommandFacts extends CommandFacts {

    private final WorkflowLookups workflows;
    private final SchedulingLookups scheduling;
    private final IdentityLookups identity;
    private final IdentityCommandFacts identityFacts;

    WorkflowCommandFacts(WorkflowLookups workflows, SchedulingLookups scheduling, IdentityLookups identity,
                         IdentityCommandFacts identityFacts) {
        this.workflows = workflows;
        this.scheduling = scheduling;
        this.identity = identity;
        this.identityFacts = identityFacts;
    }

    @Override
    protected Map<String, Object> factsFor(Object command, Caller caller) {
        Map<String, Object> facts = new HashMap<>();
        if (command instanceof CreateWorkflow c) {
            if (c.teamId() != null) {
                putAccess(facts, caller, c.teamId());
            }
        } else if (command instanceof ConfigureAIPhoneCall c) {
            putEventTypeFacts(facts, caller, c.eventTypeId());
        } else if (command instanceof RemoveAIPhoneCallConfiguration c) {
            putEventTypeFacts(facts, caller, c.eventTypeId());
        } else {
            Integer workflowId = workflowIdOf(command);
            if (workflowId != null) {
                workflows.owner(workflowId).map(WorkflowLookups.WorkflowOwner::teamId)
                        .ifPresent(teamId -> putAccess(facts, caller, teamId));
            }
            if (command instanceof SetWorkflowActivation c) {
                facts.put(Workflow.TARGETS, targets(c));
            }
        }
        return facts;
    }

    private ActivationTargets targets(SetWorkflowActivation command) {
        Map<Integer, ActivationTargets.Owner> eventTypes = new HashMap<>();
        Map<Integer, List<Integer>> children = new HashMap<>();
        if (command.eventTypeIds() != null) {
            command.eventTypeIds().forEach(id -> scheduling.eventType(id).ifPresent(e -> {
                eventTypes.put(id, new ActivationTargets.Owner(e.userId(), e.teamId()));
                children.put(id, scheduling.childrenOf(id));
            }));
        }
        Map<Integer, ActivationTargets.Owner> teams = new HashMap<>();
        if (command.teamIds() != null) {
            command.teamIds().forEach(id -> identity.team(id).ifPresent(t ->
                    teams.put(id, new ActivationTargets.Owner(null, t.parentId()))));
        }
        return new ActivationTargets(eventTypes, children, teams);
    }

    private void putEventTypeFacts(Map<String, Object> facts, Caller caller, int eventTypeId) {
        scheduling.eventType(eventTypeId).ifPresent(e -> {
            facts.put(AIPhoneCallConfiguration.EVENT_TYPE, new ActivationTargets.Owner(e.userId(), e.teamId()));
            if (e.teamId() != null) {
                putAccess(facts, caller, e.teamId());
            }
        });
    }

    private void putAccess(Map<String, Object> facts, Caller caller, int teamId) {
        if (caller != null) {
            identityFacts.access(caller, teamId).ifPresent(access -> facts.put(IdentityCommandFacts.ACCESS, access));
        }
    }

    private static Integer workflowIdOf(Object command) {
        if (command instanceof UpdateWorkflow c) {
            return c.workflowId();
        } else if (command instanceof DeleteWorkflow c) {
            return c.workflowId();
        } else if (command instanceof AddWorkflowStep c) {
            return c.workflowId();
        } else if (command instanceof EditWorkflowStep c) {
            return c.workflowId();
        } else if (command instanceof RemoveWorkflowStep c) {
            return c.workflowId();
        } else if (command instanceof ReorderWorkflowSteps c) {
            return c.workflowId();
        } else if (command instanceof SetWorkflowActivation c) {
            return c.workflowId();
        }
        return null;
    }
}
