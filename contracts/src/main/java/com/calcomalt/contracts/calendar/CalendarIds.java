package com.calcomalt.contracts.calendar;

/**
 * In the event store a connected calendar account is "credential:{id}", and the destination
 * calendar of a user or of an event type is "destination-calendar:user:{id}" or
 * "destination-calendar:event-type:{id}": each has one destination at a time.
 */
public final class CalendarIds {

    private CalendarIds() {
    }

    public static String credential(int credentialId) {
        return "credential:" + credentialId;
    }

    public static String destination(Integer userId, Integer eventTypeId) {
        return eventTypeId != null ? "destination-calendar:event-type:" + eventTypeId
                : "destination-calendar:user:" + userId;
    }
}
