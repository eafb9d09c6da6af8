package com.calcomalt.command.automation;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.IdentityLookups;
import com.calcomalt.command.scheduling.SchedulingLookups;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.automation.ActivatesWorkflow;
import com.calcomalt.contracts.automation.TargetsAIPhoneCallConfiguration;
import com.calcomalt.contracts.automation.TargetsWorkflow;
import com.calcomalt.contracts.automation.WorkflowTargets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Adds to an automation command, inside its transaction, what its aggregate needs to know beyond
 * itself: the caller's role in the owning team, who controls the event types and teams a workflow
 * is to be active on, and who owns an event type whose AI phone calls are configured. For a team's
 * new workflow the caller's role comes from {@link IdentityCommandFacts}.
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
        resolve(TargetsWorkflow.class, (c, facts) -> workflows.owner(c.workflowId())
                .map(WorkflowLookups.WorkflowOwner::teamId)
                .ifPresent(teamId -> identityFacts.putAccess(facts, teamId)));
        resolve(ActivatesWorkflow.class, (c, facts) -> {
            if (c.activation() != null) {
                facts.put(Workflow.TARGETS, targets(c.activation()));
            }
        });
        resolve(TargetsAIPhoneCallConfiguration.class, (c, facts) ->
                scheduling.eventType(c.eventTypeId()).ifPresent(e -> {
                    facts.put(AIPhoneCallConfiguration.EVENT_TYPE, new ActivationTargets.Owner(e.userId(), e.teamId()));
                    identityFacts.putAccess(facts, e.teamId());
                }));
    }

    private ActivationTargets targets(WorkflowTargets command) {
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
}
