package com.calcomalt.allinone.importing;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The source rows of CalcomImportTest for AI phone call configurations, planted once the event types are there. */
final class CalcomImportPhoneCallRows {

    static final List<String> PLANTED = List.of("AIPhoneCallConfiguration\t690\tevent type 3 does not exist",
            "AIPhoneCallConfiguration\t691\t'0151 1234' or '+4930123456' is not a phone number",
            "AIPhoneCallConfiguration\t692\tguestEmail 'nobody' is not an email address");

    static final String COMPARED = String.format("%-14s source %d rows, target %d rows, 0 differences (%d of reported"
            + " rows)", "AIPhoneCallConfiguration", 13, 10, 3);

    private CalcomImportPhoneCallRows() {
    }

    /** Ten configured event types, some with every column, one disabled; then three rule breakers. */
    static void fill(JdbcTemplate db) {
        db.execute("""
                insert into "AIPhoneCallConfiguration" (id, "eventTypeId", "generalPrompt", "yourPhoneNumber",
                        "numberToCall", "guestName", enabled, "beginMessage", "llmId", "guestCompany", "guestEmail",
                        "schedulerName", "templateType")
                select 600 + i / 10, i, case when i % 20 = 0 then 'Confirm the meeting' end, '+4930' || (100000 + i),
                       '+1415555' || (1000 + i), 'Guest ' || i, i <> 50, case when i % 20 = 0 then 'Hello' end,
                       'llm-' || i, case when i % 30 = 0 then 'Acme' end,
                       case when i % 20 = 0 then 'guest' || i || '@mail.example' end, 'Person ' || i,
                       case when i = 40 then 'CHECK_IN_APPOINTMENT' else 'CUSTOM_TEMPLATE' end
                from generate_series(10, 100, 10) i;
                insert into "AIPhoneCallConfiguration" (id, "eventTypeId", "yourPhoneNumber", "numberToCall",
                                                        "guestEmail")
                values (690, 3, '+4930123456', '+4930123457', null), (691, 5, '0151 1234', '+4930123456', null),
                       (692, 7, '+4930123456', '+4930123457', 'nobody');
                """);
    }
}
