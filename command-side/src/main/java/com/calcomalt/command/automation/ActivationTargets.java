package com.calcomalt.command.automation;

import java.util.List;
import java.util.Map;

/**
 * Who controls what a workflow is to be activated on, read from the command side's lookups by
 * {@link WorkflowCommandFacts}: for each named event type its user or team and the children it has
 * when it is MANAGED, for each named team the organization it belongs to. What does not exist is
 * absent.
 */
public record ActivationTargets(Map<Integer, Owner> eventTypes, Map<Integer, List<Integer>> children,
                                Map<Integer, Owner> teams) {

    /** For an event type: its userId or teamId. For a team: teamId is its parent organization, if any. */
    public record Owner(Integer userId, Integer teamId) {
    }
}
