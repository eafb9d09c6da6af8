package com.calcomalt.contracts.automation;

/** cal.com's WorkflowTriggerEvents enum, every label as the database has it. */
public enum WorkflowTriggerEvents {
    BEFORE_EVENT, EVENT_CANCELLED, NEW_EVENT, RESCHEDULE_EVENT, AFTER_EVENT, AFTER_HOSTS_CAL_VIDEO_NO_SHOW,
    AFTER_GUESTS_CAL_VIDEO_NO_SHOW, BOOKING_REJECTED, BOOKING_REQUESTED, BOOKING_PAYMENT_INITIATED, BOOKING_PAID,
    BOOKING_NO_SHOW_UPDATED, FORM_SUBMITTED, FORM_SUBMITTED_NO_EVENT;

    /** BEFORE_EVENT and AFTER_EVENT are timed from the booking's start or end, so they need an offset. */
    public boolean isTimed() {
        return this == BEFORE_EVENT || this == AFTER_EVENT;
    }
}
