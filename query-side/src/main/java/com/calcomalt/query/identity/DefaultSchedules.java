package com.calcomalt.query.identity;

import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;

/**
 * cal.com keeps a user's default schedule in {@code users.defaultScheduleId}. Schedules are Scheduling's,
 * so its projector decides which schedule is the default; the row stays Identity's.
 */
public final class DefaultSchedules {

    private DefaultSchedules() {
    }

    public static void set(EntityManager entityManager, int userId, Integer scheduleId) {
        Rows.existing(entityManager, UserRow.class, userId).defaultScheduleId = scheduleId;
    }

    /** A deleted schedule stops being the default, if it was. */
    public static void unset(EntityManager entityManager, int userId, int scheduleId) {
        UserRow row = Rows.existing(entityManager, UserRow.class, userId);
        if (Integer.valueOf(scheduleId).equals(row.defaultScheduleId)) {
            row.defaultScheduleId = null;
        }
    }
}
