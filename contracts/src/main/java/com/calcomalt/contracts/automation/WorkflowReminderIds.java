package com.calcomalt.contracts.automation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A workflow reminder's uuid is decided by what it reminds of: one booking (and seat), one step. So
 * the planner, seeing a booking event a second time, names the same reminder and cannot make two.
 * In the event store its stream is "workflowReminder:{uuid}".
 */
public final class WorkflowReminderIds {

    private WorkflowReminderIds() {
    }

    public static String uuid(String bookingUid, int workflowStepId, String seatReferenceId) {
        String key = bookingUid + "|" + workflowStepId + "|" + (seatReferenceId == null ? "" : seatReferenceId);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String aggregateId(String uuid) {
        return "workflowReminder:" + uuid;
    }
}
