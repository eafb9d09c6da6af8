package com.calcomalt.contracts.scheduling;

/** In the event store the stream of a slot reservation is "slot-reservation:{id}". */
public final class SlotReservationIds {

    private SlotReservationIds() {
    }

    public static String aggregateId(String uid) {
        return "slot-reservation:" + uid;
    }
}
