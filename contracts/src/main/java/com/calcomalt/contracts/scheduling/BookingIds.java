package com.calcomalt.contracts.scheduling;

/** In the event store the stream of a booking is "booking:{uid}". */
public final class BookingIds {

    private BookingIds() {
    }

    public static String aggregateId(String uid) {
        return "booking:" + uid;
    }
}
