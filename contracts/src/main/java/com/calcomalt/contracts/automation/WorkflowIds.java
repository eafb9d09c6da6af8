package com.calcomalt.contracts.automation;

/** In the event store the stream of a workflow is "workflow:{id}". */
public final class WorkflowIds {

    private WorkflowIds() {
    }

    public static String aggregateId(int workflowId) {
        return "workflow:" + workflowId;
    }
}
