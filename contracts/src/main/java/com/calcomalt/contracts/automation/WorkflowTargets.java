package com.calcomalt.contracts.automation;

import java.util.List;

/**
 * Where a workflow is to be active from now: event types (a MANAGED one brings its children) or,
 * for an organization's workflow, its teams. Each new activation takes the next of the row ids
 * decided before the command; empty lists deactivate it.
 */
public record WorkflowTargets(List<Integer> eventTypeIds, List<Integer> teamIds, List<Integer> eventTypeRowIds,
                              List<Integer> teamRowIds) {
}
