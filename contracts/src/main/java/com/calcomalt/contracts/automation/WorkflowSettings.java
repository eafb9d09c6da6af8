package com.calcomalt.contracts.automation;

/**
 * The Workflow columns a user chooses. In a command a null field is one it does not change (or,
 * when creating, cal.com's default); in an event every field is set, except time and timeUnit.
 */
public record WorkflowSettings(String name, WorkflowTriggerEvents trigger, Integer time, TimeUnit timeUnit,
                               Boolean isActiveOnAll) {
}
