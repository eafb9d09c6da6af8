package com.calcomalt.contracts.scheduling;

/** In the event store the stream of a event type is "event-type:{id}". */
public final class EventTypeIds {

    private EventTypeIds() {
    }

    public static String aggregateId(int eventTypeId) {
        return "event-type:" + eventTypeId;
    }
}
