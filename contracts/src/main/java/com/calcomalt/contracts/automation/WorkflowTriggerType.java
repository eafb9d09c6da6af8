package com.calcomalt.contracts.automation;

/**
 * cal.com API v2's names of the event-type workflow triggers, spelled as its clients send them.
 * Four of them fire at an offset from the booking, so they need one.
 */
public enum WorkflowTriggerType {
    beforeEvent(WorkflowTriggerEvents.BEFORE_EVENT, true),
    eventCancelled(WorkflowTriggerEvents.EVENT_CANCELLED, false),
    newEvent(WorkflowTriggerEvents.NEW_EVENT, false),
    afterEvent(WorkflowTriggerEvents.AFTER_EVENT, true),
    rescheduleEvent(WorkflowTriggerEvents.RESCHEDULE_EVENT, false),
    afterHostsCalVideoNoShow(WorkflowTriggerEvents.AFTER_HOSTS_CAL_VIDEO_NO_SHOW, true),
    afterGuestsCalVideoNoShow(WorkflowTriggerEvents.AFTER_GUESTS_CAL_VIDEO_NO_SHOW, true),
    bookingRejected(WorkflowTriggerEvents.BOOKING_REJECTED, false),
    bookingRequested(WorkflowTriggerEvents.BOOKING_REQUESTED, false),
    bookingPaymentInitiated(WorkflowTriggerEvents.BOOKING_PAYMENT_INITIATED, false),
    bookingPaid(WorkflowTriggerEvents.BOOKING_PAID, false),
    bookingNoShowUpdated(WorkflowTriggerEvents.BOOKING_NO_SHOW_UPDATED, false);

    private final WorkflowTriggerEvents event;
    private final boolean offset;

    WorkflowTriggerType(WorkflowTriggerEvents event, boolean offset) {
        this.event = event;
        this.offset = offset;
    }

    public WorkflowTriggerEvents event() {
        return event;
    }

    public boolean hasOffset() {
        return offset;
    }

    /** Null for the routing-form triggers, which cal.com shows as routing-form workflows. */
    public static WorkflowTriggerType of(WorkflowTriggerEvents event) {
        for (WorkflowTriggerType type : values()) {
            if (type.event == event) {
                return type;
            }
        }
        return null;
    }
}
