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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's payments, and the paid flag of their bookings. Each payment tells its story as far as its row
 * shows it: initiated, then paid (a HOLD's card saved, and charged when cal.com's success says so), then
 * refunded. The payment app's event ids are not kept by cal.com; "imported" stands in. Nothing calls Stripe:
 * the payments processor passes over imported payment and booking events.
 */
@Component
@Order(80)
class PaymentImport implements ImportSection.Streamed {

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
    public Result read(Connection source, Imported imported, Consumer<Pending> events) throws SQLException {
        List<RuleBreak> breaks = new ArrayList<>();
        int[] written = {0};
        Map<Integer, Refunds> refunds = refunds(source);
        // One booking's payments at a time, the one that went through first (or else the first) leading: it is
        // what the booking must pay, and the payments processor's lookup follows it, so that the booking refunds,
        // is paid or expires here. Each payment is read with its booking, so no booking waits in memory.
        List<Row> payments = new ArrayList<>();
        Booking[] owner = {null};
        Runnable flush = () -> {
            if (!payments.isEmpty()) {
                owe(owner[0], payments, refunds, events);
                written[0] += payments.size();
                payments.clear();
            }
        };
        each(source, """
                select p.id, p.uid, p."bookingId", p.amount, p.fee, p.currency, p.success, p.refunded, p.data::text,
                       p."externalId", p."appId", p."paymentOption"::text, b.uid as "bookingUid",
                       b."eventTypeId", b.status::text as "bookingStatus", b."createdAt" as "bookingCreatedAt",
                       b."updatedAt" as "bookingUpdatedAt", b.paid
                from "Payment" p left join "Booking" b on b.id = p."bookingId"
                order by p."bookingId", not p.success, p.id""", row -> {
            int id = row.getInt("id");
            int bookingId = row.getInt("bookingId");
            int amount = row.getInt("amount");
            int fee = row.getInt("fee");
            String currency = row.getString("currency");
            String externalId = row.getString("externalId");
            String option = row.getString("paymentOption");
            boolean success = row.getBoolean("success");
            boolean refunded = row.getBoolean("refunded");
            Booking booking = row.getString("bookingUid") == null || !imported.bookingIds().contains(bookingId) ? null
                    : booking(row, "bookingUid", "bookingStatus", "bookingCreatedAt", "bookingUpdatedAt");
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
            if (!payments.isEmpty() && payments.get(0).bookingId() != bookingId) {
                flush.run();
            }
            owner[0] = booking;
            payments.add(new Row(id, row.getString("uid"), bookingId, row.getString("appId"), amount, fee, currency,
                    externalId, PaymentOption.valueOf(option), success, refunded,
                    SourceRows.object(row.getString("data"))));
        });
        flush.run();
        Set<Integer> broken = new HashSet<>();
        breaks.forEach(b -> broken.add(Integer.valueOf(b.id())));
        // The paid bookings in the order of their ids, each with its successful payments: the first one written
        // is the one that paid it.
        Booking[] paid = {null};
        int[] paidId = {-1};
        String[] paidBy = {null};
        Runnable markPaid = () -> {
            if (paid[0] != null) {
                // Its status and time as they are: being paid is the last thing the import tells of it.
                events.accept(new Pending("Booking", BookingIds.aggregateId(paid[0].uid()), new BookingPaid(
                        paid[0].uid(), paidId[0], paidBy[0], paid[0].status(), paid[0].updatedAt()),
                        paid[0].changedAt()));
            }
        };
        each(source, """
                select b.id, b.uid, b."eventTypeId", b.status::text, b."createdAt", b."updatedAt", b.paid, p.id as "paymentId",
                       p.uid as "paymentUid"
                from "Booking" b left join "Payment" p on p."bookingId" = b.id and p.success
                where b.paid order by b.id, p.id""", row -> {
            int id = row.getInt("id");
            if (paidId[0] != id) {
                markPaid.run();
                paid[0] = imported.bookingIds().contains(id)
                        ? booking(row, "uid", "status", "createdAt", "updatedAt") : null;
                paidId[0] = id;
                paidBy[0] = null;
            }
            Integer payment = SectionRows.integer(row, "paymentId");
            if (paidBy[0] == null && payment != null && !broken.contains(payment)) {
                paidBy[0] = row.getString("paymentUid");
            }
        });
        markPaid.run();
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("Payment", written[0]);
        return new Result(rows, List.of(), breaks, List.of(), Map.of("Payment", SectionRows.maxId(source, "Payment")));
    }

    private static Booking booking(ResultSet row, String uid, String status, String createdAt, String updatedAt)
            throws SQLException {
        return new Booking(row.getString(uid), SectionRows.integer(row, "eventTypeId"),
                BookingStatus.valueOf(row.getString(status)),
                instant(row.getTimestamp(createdAt)), instant(row.getTimestamp(updatedAt)), row.getBoolean("paid"));
    }

    /** A booking's payments, the one it owes first: what the Stripe lookup needs, then each payment's story. */
    private static void owe(Booking booking, List<Row> payments, Map<Integer, Refunds> refunds,
                            Consumer<Pending> events) {
        Row owed = payments.get(0);
        if (STRIPE.equals(owed.appId())) {
            Refunds policy = refunds.getOrDefault(booking.eventTypeId(), Refunds.NEVER);
            events.accept(new Pending("Booking", BookingIds.aggregateId(booking.uid()), new BookingPaymentRequired(
                    booking.uid(), owed.bookingId(), STRIPE, owed.amount(), owed.currency().toLowerCase(Locale.ROOT),
                    owed.option(), policy.policy(), policy.days(), booking.createdAt()), booking.createdAt()));
        }
        payments.forEach(payment -> story(payment, booking).forEach(events));
    }

    /**
     * Initiated, then as far as the row tells: paid (a HOLD's card saved, and charged when cal.com says success),
     * refunded. A HOLD whose card is saved but not charged yet is paid as ours is once its SetupIntent succeeds, so
     * that marking its attendee a no-show here charges it.
     */
    private static List<Pending> story(Row payment, Booking booking) {
        List<Pending> events = new ArrayList<>();
        String aggregate = PaymentIds.aggregateId(payment.uid());
        events.add(new Pending("Payment", aggregate, new PaymentInitiated(payment.uid(), payment.id(),
                payment.bookingId(), booking.uid(), payment.appId(), payment.amount(), payment.fee(),
                payment.currency(), payment.externalId(), payment.option(), payment.data(), booking.createdAt()),
                booking.createdAt()));
        if (payment.success() || cardSaved(payment, booking)) {
            Instant at = booking.changedAt();
            events.add(new Pending("Payment", aggregate, new PaymentSucceeded(payment.uid(), payment.id(),
                    payment.bookingId(), booking.uid(), payment.option(), APP_EVENT, at), at));
            if (payment.option() == PaymentOption.HOLD && payment.success()) {
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
     * cal.com leaves a HOLD's {@code success} false until the no-show fee is charged; when the booker's card is
     * saved, its webhook keeps the succeeded SetupIntent in {@code data.setupIntent} and marks the booking paid.
     */
    private static boolean cardSaved(Row payment, Booking booking) {
        if (payment.option() != PaymentOption.HOLD || payment.success()) {
            return false;
        }
        Object setupIntent = payment.data() == null ? null : payment.data().get("setupIntent");
        return booking.paid()
                || setupIntent instanceof Map<?, ?> intent && "succeeded".equals(intent.get("status"));
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
