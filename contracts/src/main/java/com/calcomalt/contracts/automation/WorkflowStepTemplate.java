package com.calcomalt.contracts.automation;

/** cal.com API v2's names of the step templates, spelled as its clients send them. */
public enum WorkflowStepTemplate {
    reminder(WorkflowTemplates.REMINDER),
    custom(WorkflowTemplates.CUSTOM),
    rescheduled(WorkflowTemplates.RESCHEDULED),
    completed(WorkflowTemplates.COMPLETED),
    rating(WorkflowTemplates.RATING),
    cancelled(WorkflowTemplates.CANCELLED);

    private final WorkflowTemplates template;

    WorkflowStepTemplate(WorkflowTemplates template) {
        this.template = template;
    }

    public WorkflowTemplates template() {
        return template;
    }

    public static WorkflowStepTemplate of(WorkflowTemplates template) {
        for (WorkflowStepTemplate value : values()) {
            if (value.template == template) {
                return value;
            }
        }
        throw new IllegalArgumentException("No API name for " + template);
    }
}
