package com.calcomalt.contracts.scheduling;

/** In the event store the stream of a out of office reason is "out-of-office-reason:{id}". */
public final class OutOfOfficeReasonIds {

    private OutOfOfficeReasonIds() {
    }

    public static String aggregateId(int reasonId) {
        return "out-of-office-reason:" + reasonId;
    }
}
