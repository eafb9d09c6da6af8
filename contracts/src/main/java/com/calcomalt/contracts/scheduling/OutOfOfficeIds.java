package com.calcomalt.contracts.scheduling;

/** In the event store the stream of a out of office is "out-of-office:{id}". */
public final class OutOfOfficeIds {

    private OutOfOfficeIds() {
    }

    public static String aggregateId(int entryId) {
        return "out-of-office:" + entryId;
    }
}
