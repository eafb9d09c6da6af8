package com.calcomalt.allinone.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The source rows of CalcomImportTest of cal.com's ReminderMail: the hosts' reminders sent about bookings still
 * awaiting confirmation (the bookings of CalcomImportPaymentRows awaiting payment), with planted rule breakers;
 * and what the import must make of them.
 */
final class CalcomImportReminderMailRows {

    static final List<String> REPORTED = List.of("ReminderMail\t9804\tbooking 88888 does not exist",
            "ReminderMail\t9805\tits booking and elapsedMinutes have reminder 9801 already");
    /** Five rows, two reported; every column compared. */
    static final String COMPARED = String.format(
            "%-14s source %d rows, target %d rows, 0 differences (%d of reported rows)", "ReminderMail", 5, 3, 2);

    private CalcomImportReminderMailRows() {
    }

    /** After CalcomImportPaymentRows' bookings 4003 and 4004. */
    static void fill(JdbcTemplate db) {
        db.execute("""
                insert into "ReminderMail" (id, "referenceId", "reminderType", "elapsedMinutes", "createdAt")
                values (9801, 4003, 'PENDING_BOOKING_CONFIRMATION', 180, timestamp '2026-11-02 03:00:04.250'),
                       (9802, 4003, 'PENDING_BOOKING_CONFIRMATION', 1440, timestamp '2026-11-03 00:00:05.5'),
                       (9803, 4004, 'PENDING_BOOKING_CONFIRMATION', 2880, timestamp '2026-11-05 00:00:03.125'),
                       (9804, 88888, 'PENDING_BOOKING_CONFIRMATION', 180, timestamp '2026-11-01 03:00:00'),
                       (9805, 4003, 'PENDING_BOOKING_CONFIRMATION', 180, timestamp '2026-11-02 03:05:00');
                """);
    }

    /** Each imported reminder is one the planner will not plan again for its booking and interval. */
    static void checkImported(JdbcTemplate target) {
        assertThat(target.queryForList("""
                select task_instance from automation.planned_reminders where kind = 'PENDING_BOOKING'
                and booking_uid like 'imported-unpaid%'""", String.class))
                .containsExactlyInAnyOrder("imported-unpaid-2:2880", "imported-unpaid:1440", "imported-unpaid:180");
        assertThat(target.queryForObject("""
                select count(*) from scheduler.scheduled_tasks where task_name = 'pending-booking-reminder'""",
                Integer.class)).as("nothing is sent again").isZero();
    }

    /**
     * Booking 4003, imported awaiting its payment, is paid here (CalcomImportPaymentRows.stillPayOverHttp): the
     * planner knows it from the import, so it plans what a native booking paid then gets, user 4's workflow 4
     * (active on all of user 4's event types, a day after the end) with both its steps. New host reminders take ids
     * after cal.com's.
     */
    static void laterChangesArePlanned(JdbcTemplate target, com.calcomalt.command.support.IdAllocator ids) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> target.queryForObject(
                "select count(*) from \"WorkflowReminder\" where \"bookingUid\" = 'imported-unpaid'",
                Integer.class) == 2);
        assertThat(target.queryForList("""
                select r."workflowStepId" from "WorkflowReminder" r join "Booking" b on b.uid = r."bookingUid"
                where r."bookingUid" = 'imported-unpaid' and not r.scheduled and r.cancelled is null
                  and r."scheduledDate" = b."endTime" + interval '24 hours'""", Integer.class))
                .containsExactlyInAnyOrder(109, 110);
        assertThat(target.queryForObject("""
                select count(*) from scheduler.scheduled_tasks t join "WorkflowReminder" r on r.uuid = t.task_instance
                where t.task_name = 'workflow-reminder' and r."bookingUid" = 'imported-unpaid'""", Integer.class))
                .as("each waits to be sent at its time").isEqualTo(2);
        assertThat(ids.next("ReminderMail")).isGreaterThan(9805);
    }
}
