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
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.scheduling.RefundPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * refunded. The payment app's event ids are not kept by cal.com; "imported" stands in. A booking paid through
 * Stripe is also told to have been made to be paid ({@code BookingPaymentRequired}, with its event type's refund
 * policy), so that, as a native one, it refunds when cancelled here, and one still awaiting its payment is paid
 * when Stripe reports its intent paid. Nothing calls Stripe: the payments processor passes over imported payment
 * and booking events, and its lookup of these bookings is written by the registry that takes the imported ones.
 */
@Component
@Order(80)
class PaymentImport implements ImportSection {

    /** What a payment's events take from its booking: cal.com keeps no times of a payment. */
    private record Booking(String uid, Integer eventTypeId, BookingStatus status, Instant createdAt,
                           Instant updatedAt, boolean paid) {

        Instant changedAt() {
            return updatedAt != null ? updatedAt : createdAt;
        }
    }

    /** A payment row that keeps our rules. */
    private record Row(int id, String uid, int bookingId, String appId, int amount, int fee, String currency,
                       String externalId, PaymentOption option, boolean success, boolean refunded,
                       Map<String, Object> data) {
    }

    /** How an event type refunds, as its Stripe app says (cal.com's default, never, when it says nothing). */
    private record Refunds(RefundPolicy policy, Integer days) {

        static final Refunds NEVER = new Refunds(RefundPolicy.NEVER, null);
    }

    private static final String APP_EVENT = "imported";
    private static final String STRIPE = "stripe";

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        Map<Integer, Booking> bookings = new LinkedHashMap<>();
        each(source, """
                select id, uid, "eventTypeId", status::text, "createdAt", "updatedAt", paid from "Booking" order by id""",
                row -> {
            int id = row.getInt("id");
            if (imported.bookingIds().contains(id)) {
                bookings.put(id, new Booking(row.getString("uid"), SectionRows.integer(row, "eventTypeId"),
                        BookingStatus.valueOf(row.getString("status")), instant(row.getTimestamp("createdAt")),
                        instant(row.getTimestamp("updatedAt")), row.getBoolean("paid")));
            }
        });
        List<RuleBreak> breaks = new ArrayList<>();
        Map<Integer, List<Row>> byBooking = new LinkedHashMap<>();
        each(source, """
                select id, uid, "bookingId", amount, fee, currency, success, refunded, data::text, "externalId",
                       "appId", "paymentOption"::text
                from "Payment" order by id""", row -> {
            int id = row.getInt("id");
            int bookingId = row.getInt("bookingId");
            int amount = row.getInt("amount");
            int fee = row.getInt("fee");
            String currency = row.getString("currency");
            String externalId = row.getString("externalId");
            String option = row.getString("paymentOption");
            boolean success = row.getBoolean("success");
            boolean refunded = row.getBoolean("refunded");
            String broken = null;
            if (!bookings.containsKey(bookingId)) {
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
            byBooking.computeIfAbsent(bookingId, b -> new ArrayList<>()).add(new Row(id, row.getString("uid"),
                    bookingId, row.getString("appId"), amount, fee, currency, externalId,
                    PaymentOption.valueOf(option), success, refunded, SourceRows.object(row.getString("data"))));
        });
        Map<Integer, Refunds> refunds = refunds(source);
        List<Pending> events = new ArrayList<>();
        int written = 0;
        for (var entry : byBooking.entrySet()) {
            Booking booking = bookings.get(entry.getKey());
            // The payment that went through first, or else the first one, is what the booking must pay: the
            // payments processor's lookup follows it, so the booking refunds, is paid or expires here.
            List<Row> payments = new ArrayList<>(entry.getValue());
            payments.sort(Comparator.comparing((Row p) -> !p.success()).thenComparing(Row::id));
            Row owed = payments.get(0);
            if (STRIPE.equals(owed.appId())) {
                Refunds policy = refunds.getOrDefault(booking.eventTypeId(), Refunds.NEVER);
                events.add(new Pending("Booking", BookingIds.aggregateId(booking.uid()), new BookingPaymentRequired(
                        booking.uid(), entry.getKey(), STRIPE, owed.amount(), owed.currency().toLowerCase(Locale.ROOT),
                        owed.option(), policy.policy(), policy.days(), booking.createdAt()), booking.createdAt()));
            }
            for (Row payment : payments) {
                events.addAll(story(payment, booking));
                written++;
            }
        }
        for (var entry : bookings.entrySet()) {
            Booking booking = entry.getValue();
            if (booking.paid()) {
                String paidBy = byBooking.getOrDefault(entry.getKey(), List.of()).stream().filter(Row::success)
                        .map(Row::uid).findFirst().orElse(null);
                // Its status and time as they are: being paid is the last thing the import tells of it.
                events.add(new Pending("Booking", BookingIds.aggregateId(booking.uid()), new BookingPaid(booking.uid(),
                        entry.getKey(), paidBy, booking.status(), booking.updatedAt()), booking.changedAt()));
            }
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("Payment", written);
        return new Result(rows, events, breaks, List.of(), Map.of("Payment", SectionRows.maxId(source, "Payment")));
    }

    /** Initiated, then as far as the row tells: paid (a HOLD's card saved and charged), refunded. */
    private static List<Pending> story(Row payment, Booking booking) {
        List<Pending> events = new ArrayList<>();
        String aggregate = PaymentIds.aggregateId(payment.uid());
        events.add(new Pending("Payment", aggregate, new PaymentInitiated(payment.uid(), payment.id(),
                payment.bookingId(), booking.uid(), payment.appId(), payment.amount(), payment.fee(),
                payment.currency(), payment.externalId(), payment.option(), payment.data(), booking.createdAt()),
                booking.createdAt()));
        if (payment.success()) {
            Instant at = booking.changedAt();
            events.add(new Pending("Payment", aggregate, new PaymentSucceeded(payment.uid(), payment.id(),
                    payment.bookingId(), booking.uid(), payment.option(), APP_EVENT, at), at));
            if (payment.option() == PaymentOption.HOLD) {
                events.add(new Pending("Payment", aggregate, new PaymentCharged(payment.uid(), payment.id(),
                        payment.bookingId(), booking.uid(), null, at), at));
            }
            if (payment.refunded()) {
                events.add(new Pending("Payment", aggregate, new PaymentRefunded(payment.uid(), payment.id(),
                        payment.bookingId(), booking.uid(), null, at), at));
            }
        }
        return events;
    }

    /**
     * Each event type's refund policy, where cal.com keeps it: {@code metadata.apps.stripe.refundPolicy} and
     * {@code refundDaysCount}. One that is not a policy refunds never, as cal.com's default.
     */
    private static Map<Integer, Refunds> refunds(Connection source) throws SQLException {
        Map<Integer, Refunds> refunds = new HashMap<>();
        each(source, """
                select id, metadata #>> '{apps,stripe,refundPolicy}' as policy,
                       metadata #>> '{apps,stripe,refundDaysCount}' as days
                from "EventType" where metadata #> '{apps,stripe}' is not null""", row -> {
            String label = row.getString("policy");
            String days = row.getString("days");
            try {
                RefundPolicy policy = label == null ? RefundPolicy.NEVER : RefundPolicy.ofLabel(label);
                Integer count = days == null ? null : Integer.valueOf(days);
                refunds.put(row.getInt("id"), new Refunds(policy, count));
            } catch (IllegalArgumentException notAPolicy) {
                refunds.put(row.getInt("id"), Refunds.NEVER);
            }
        });
        return refunds;
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
