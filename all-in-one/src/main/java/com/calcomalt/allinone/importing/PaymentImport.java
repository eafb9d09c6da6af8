package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.payments.PaymentCharged;
import com.calcomalt.contracts.payments.PaymentIds;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.payments.PaymentRefunded;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.PaymentOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's payments, and the paid flag of their bookings. Each payment tells its story as far as its row
 * shows it: initiated, then paid (a HOLD's card saved and charged, as cal.com's success means for a HOLD), then
 * refunded. The payment app's event ids are not kept by cal.com; "imported" stands in. Nothing calls Stripe:
 * the payments processor passes over imported payment and booking events.
 */
@Component
@Order(80)
class PaymentImport implements ImportSection {

    /** What a payment's events take from its booking: cal.com keeps no times of a payment. */
    private record Booking(String uid, BookingStatus status, Instant createdAt, Instant updatedAt, boolean paid) {

        Instant changedAt() {
            return updatedAt != null ? updatedAt : createdAt;
        }
    }

    private static final String APP_EVENT = "imported";

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        Map<Integer, Booking> bookings = new LinkedHashMap<>();
        each(source, """
                select id, uid, status::text, "createdAt", "updatedAt", paid from "Booking" order by id""", row -> {
            int id = row.getInt("id");
            if (imported.bookingIds().contains(id)) {
                bookings.put(id, new Booking(row.getString("uid"), BookingStatus.valueOf(row.getString("status")),
                        instant(row.getTimestamp("createdAt")), instant(row.getTimestamp("updatedAt")),
                        row.getBoolean("paid")));
            }
        });
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        int[] written = {0};
        Map<Integer, String> paidBy = new HashMap<>();
        each(source, """
                select id, uid, "bookingId", amount, fee, currency, success, refunded, data::text, "externalId",
                       "appId", "paymentOption"::text
                from "Payment" order by id""", row -> {
            int id = row.getInt("id");
            String uid = row.getString("uid");
            int bookingId = row.getInt("bookingId");
            int amount = row.getInt("amount");
            int fee = row.getInt("fee");
            String currency = row.getString("currency");
            String externalId = row.getString("externalId");
            String option = row.getString("paymentOption");
            boolean success = row.getBoolean("success");
            boolean refunded = row.getBoolean("refunded");
            Booking booking = bookings.get(bookingId);
            String broken = null;
            if (booking == null) {
                broken = "booking " + bookingId + " does not exist or breaks a rule";
            } else if (amount <= 0) {
                broken = "amount " + amount + " is not more than nothing";
            } else if (fee < 0 || fee > amount) {
                broken = "fee " + fee + " is not between nothing and the amount";
            } else if (!iso4217(currency)) {
                broken = "'" + currency + "' is not an ISO 4217 currency code";
            } else if (externalId.isBlank()) {
                broken = "names no id at the payment app";
            } else if (option == null) {
                broken = "paymentOption is neither ON_BOOKING nor HOLD";
            } else if (refunded && !success) {
                broken = "refunded but never paid";
            }
            if (broken != null) {
                breaks.add(new RuleBreak("Payment", id, broken));
                return;
            }
            written[0]++;
            PaymentOption paymentOption = PaymentOption.valueOf(option);
            String aggregate = PaymentIds.aggregateId(uid);
            events.add(new Pending("Payment", aggregate, new PaymentInitiated(uid, id, bookingId, booking.uid(),
                    row.getString("appId"), amount, fee, currency, externalId, paymentOption,
                    SourceRows.object(row.getString("data")), booking.createdAt()), booking.createdAt()));
            if (success) {
                Instant at = booking.changedAt();
                events.add(new Pending("Payment", aggregate, new PaymentSucceeded(uid, id, bookingId, booking.uid(),
                        paymentOption, APP_EVENT, at), at));
                if (paymentOption == PaymentOption.HOLD) {
                    events.add(new Pending("Payment", aggregate, new PaymentCharged(uid, id, bookingId,
                            booking.uid(), null, at), at));
                }
                if (refunded) {
                    events.add(new Pending("Payment", aggregate, new PaymentRefunded(uid, id, bookingId,
                            booking.uid(), null, at), at));
                }
                paidBy.putIfAbsent(bookingId, uid);
            }
        });
        for (var entry : bookings.entrySet()) {
            Booking booking = entry.getValue();
            if (booking.paid()) {
                // Its status and time as they are: being paid is the last thing the import tells of it.
                events.add(new Pending("Booking", BookingIds.aggregateId(booking.uid()), new BookingPaid(booking.uid(),
                        entry.getKey(), paidBy.get(entry.getKey()), booking.status(), booking.updatedAt()),
                        booking.changedAt()));
            }
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("Payment", written[0]);
        return new Result(rows, events, breaks, List.of(), Map.of("Payment", SectionRows.maxId(source, "Payment")));
    }

    private static boolean iso4217(String code) {
        try {
            Currency.getInstance(code.toUpperCase(Locale.ROOT));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
