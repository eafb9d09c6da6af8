package com.calcomalt.contracts.automation;

/** cal.com API v2's names of the step actions, spelled as its clients send them. */
public enum WorkflowStepAction {
    email_host(WorkflowActions.EMAIL_HOST, "const"),
    email_attendee(WorkflowActions.EMAIL_ATTENDEE, "attendee"),
    email_address(WorkflowActions.EMAIL_ADDRESS, "email"),
    sms_attendee(WorkflowActions.SMS_ATTENDEE, "attendee"),
    sms_number(WorkflowActions.SMS_NUMBER, "phone_number"),
    whatsapp_attendee(WorkflowActions.WHATSAPP_ATTENDEE, "attendee"),
    whatsapp_number(WorkflowActions.WHATSAPP_NUMBER, "phone_number"),
    cal_ai_phone_call(WorkflowActions.CAL_AI_PHONE_CALL, "phone_number");

    private final WorkflowActions action;
    private final String recipient;

    WorkflowStepAction(WorkflowActions action, String recipient) {
        this.action = action;
        this.recipient = recipient;
    }

    public WorkflowActions action() {
        return action;
    }

    /** cal.com's recipient of the action; the host's is spelled "const" in cal.com's API v2, and kept so. */
    public String recipient() {
        return recipient;
    }

    /** Email actions carry an html message, the others a text one. */
    public boolean sendsEmail() {
        return this == email_host || this == email_attendee || this == email_address;
    }

    public static WorkflowStepAction of(WorkflowActions action) {
        for (WorkflowStepAction value : values()) {
            if (value.action == action) {
                return value;
            }
        }
        throw new IllegalArgumentException("No API name for " + action);
    }
}
