package com.calcomalt.contracts.automation;

/**
 * A pending booking's reminders to its host are one per interval since the booking was made, as
 * cal.com's ReminderMail rows are; in the event store "pendingBookingReminder:{bookingUid}:{minutes}".
 */
public final class PendingBookingReminderIds {

    private PendingBookingReminderIds() {
    }

    public static String aggregateId(String bookingUid, int elapsedMinutes) {
        return "pendingBookingReminder:" + bookingUid + ":" + elapsedMinutes;
    }
}
