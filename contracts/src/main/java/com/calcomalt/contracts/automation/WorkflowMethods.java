package com.calcomalt.contracts.automation;

/** cal.com's WorkflowMethods enum: how a reminder reaches its recipient. */
public enum WorkflowMethods {
    EMAIL, SMS, WHATSAPP, AI_PHONE_CALL;

    /** The method of a step's action, as cal.com derives it. */
    public static WorkflowMethods of(WorkflowActions action) {
        return switch (action) {
            case EMAIL_HOST, EMAIL_ATTENDEE, EMAIL_ADDRESS -> EMAIL;
            case SMS_ATTENDEE, SMS_NUMBER -> SMS;
            case WHATSAPP_ATTENDEE, WHATSAPP_NUMBER -> WHATSAPP;
            case CAL_AI_PHONE_CALL -> AI_PHONE_CALL;
        };
    }
}
