package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.automation.PendingBookingReminderIds;
import com.calcomalt.contracts.automation.PendingBookingReminderSent;
import com.calcomalt.contracts.automation.ReminderType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's ReminderMail rows: each a host's reminder, sent, that its booking still awaits confirmation. A row
 * tells only that it was sent, so it is the {@link PendingBookingReminderSent} of its PendingBookingReminder
 * (booking and elapsed minutes), with nothing before it: the planner's plan for that booking and interval is
 * then refused, so the host is not reminded a second time. Its booking is named by id ({@code referenceId}); cal.com
 * keeps no key over it, so a row of a booking not imported, or a second one of a booking and interval, is
 * reported.
 */
@Component
@Order(135)
class ReminderMailImport implements ImportSection.Streamed {

    private static final String TABLE = "ReminderMail";

    @Override
    public Result read(Connection source, Imported imported, Consumer<Pending> events) throws SQLException {
        List<RuleBreak> breaks = new ArrayList<>();
        int[] written = {0};
        // Ordered by booking and interval, so a second row of one is the next row after the first.
        int[] previous = {0, 0, 0};
        boolean[] any = {false};
        each(source, """
                select r.id, r."referenceId", r."reminderType"::text, r."elapsedMinutes", r."createdAt", b.uid
                from "ReminderMail" r left join "Booking" b on b.id = r."referenceId"
                order by r."referenceId", r."elapsedMinutes", r.id""", row -> {
            int id = row.getInt("id");
            int bookingId = row.getInt("referenceId");
            int minutes = row.getInt("elapsedMinutes");
            String uid = row.getString("uid");
            boolean again = any[0] && previous[1] == bookingId && previous[2] == minutes;
            if (!again) {
                previous[0] = id;
                previous[1] = bookingId;
                previous[2] = minutes;
                any[0] = true;
            }
            if (uid == null || !imported.bookingIds().contains(bookingId)) {
                breaks.add(new RuleBreak(TABLE, id, "booking " + bookingId + " does not exist or breaks a rule"));
                return;
            }
            if (again) {
                breaks.add(new RuleBreak(TABLE, id, "its booking and elapsedMinutes have reminder " + previous[0]
                        + " already; a host's reminder is named by them here"));
                return;
            }
            Instant at = instant(row.getTimestamp("createdAt"));
            events.accept(new Pending("PendingBookingReminder", PendingBookingReminderIds.aggregateId(uid, minutes),
                    new PendingBookingReminderSent(id, uid, bookingId, ReminderType.valueOf(row.getString(3)), minutes,
                            at), at));
            written[0]++;
        });
        return new Result(Map.of(TABLE, written[0]), List.of(), breaks, List.of(),
                Map.of(TABLE, SectionRows.maxId(source, TABLE)));
    }
}
