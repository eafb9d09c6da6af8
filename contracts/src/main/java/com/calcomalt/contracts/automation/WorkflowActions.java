package com.calcomalt.contracts.automation;

/** cal.com's WorkflowActions enum, every label as the database has it. */
public enum WorkflowActions {
    EMAIL_HOST, EMAIL_ATTENDEE, SMS_ATTENDEE, SMS_NUMBER, EMAIL_ADDRESS, WHATSAPP_ATTENDEE, WHATSAPP_NUMBER,
    CAL_AI_PHONE_CALL;

    /** Sent to a number the step names in sendTo. */
    public boolean sendsToNumber() {
        return this == SMS_NUMBER || this == WHATSAPP_NUMBER;
    }

    /** Sent to the number the attendee gives when booking. */
    public boolean sendsToAttendeeNumber() {
        return this == SMS_ATTENDEE || this == WHATSAPP_ATTENDEE;
    }

    /** The actions whose step keeps a sendTo, as cal.com's update handler does; the others clear it. */
    public boolean keepsSendTo() {
        return sendsToNumber() || this == EMAIL_ADDRESS;
    }
}
