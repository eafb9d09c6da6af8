package com.calcomalt.query.payments;

import com.calcomalt.contracts.payments.PaymentCancelled;
import com.calcomalt.contracts.payments.PaymentCharged;
import com.calcomalt.contracts.payments.PaymentFailed;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.payments.PaymentMoved;
import com.calcomalt.contracts.payments.PaymentRefundFailed;
import com.calcomalt.contracts.payments.PaymentRefunded;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code Payment} table. cal.com's columns say only that a payment went through and
 * whether it was refunded; what else happened is kept in its {@code data}, where cal.com keeps
 * Stripe's answer: {@code status} follows the intent's ({@code succeeded}, {@code canceled}),
 * {@code last_payment_error} says why the last attempt to pay failed, and {@code refund_failures}
 * and {@code refund_error} show a refund Stripe did not make yet, retried until it is.
 */
@Component
@ProcessingGroup("calcom.Payment")
class PaymentProjector {

    /** The metadata key the import tags its events with. */
    private static final String IMPORTED = "imported";

    private final EntityManager entityManager;

    PaymentProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(PaymentInitiated event) {
        Rows.write(entityManager, PaymentRow.class, event.paymentId(), PaymentRow::new, row -> {
            row.id = event.paymentId();
            row.uid = event.uid();
            row.bookingId = event.bookingId();
            row.amount = event.amount();
            row.fee = event.fee();
            row.currency = event.currency();
            row.success = false;
            row.refunded = false;
            row.data = event.data();
            row.externalId = event.externalId();
            row.appId = event.appId();
            row.paymentOption = event.paymentOption();
        });
    }

    /**
     * A HOLD's success only saves the card: cal.com's row becomes a success when the card is charged. An imported
     * payment keeps cal.com's data as it is (cal.com leaves Stripe's first answer there) until a payment event of
     * ours changes it.
     */
    @EventHandler
    void on(PaymentSucceeded event, @MetaDataValue(IMPORTED) String imported) {
        PaymentRow row = Rows.existing(entityManager, PaymentRow.class, event.paymentId());
        if (event.paymentOption() != PaymentOption.HOLD) {
            row.success = true;
        }
        if (imported != null) {
            return;
        }
        data(row, data -> {
            data.put("status", "succeeded");
            data.remove("last_payment_error");
        });
    }

    @EventHandler
    void on(PaymentFailed event) {
        data(Rows.existing(entityManager, PaymentRow.class, event.paymentId()), data -> {
            data.put("status", "requires_payment_method");
            data.put("last_payment_error", event.reason() == null ? "failed" : event.reason());
        });
    }

    @EventHandler
    void on(PaymentCancelled event) {
        data(Rows.existing(entityManager, PaymentRow.class, event.paymentId()), data -> {
            data.put("status", "canceled");
            if (event.reason() != null) {
                data.put("cancellation_reason", event.reason());
            }
        });
    }

    @EventHandler
    void on(PaymentRefundFailed event) {
        data(Rows.existing(entityManager, PaymentRow.class, event.paymentId()), data -> {
            data.put("refund_failures", event.attempt());
            data.put("refund_error", event.reason());
        });
    }

    /** cal.com moves the Payment rows of a rescheduled paid booking to the booking that replaced it. */
    @EventHandler
    void on(PaymentMoved event) {
        Rows.existing(entityManager, PaymentRow.class, event.paymentId()).bookingId = event.bookingId();
    }

    @EventHandler
    void on(PaymentCharged event) {
        Rows.existing(entityManager, PaymentRow.class, event.paymentId()).success = true;
    }

    @EventHandler
    void on(PaymentRefunded event) {
        PaymentRow row = Rows.existing(entityManager, PaymentRow.class, event.paymentId());
        row.refunded = true;
        data(row, data -> data.remove("refund_error"));
    }

    /** A new map, so that the JSON column is seen to change. */
    private static void data(PaymentRow row, Consumer<Map<String, Object>> change) {
        Map<String, Object> data = new LinkedHashMap<>(row.data == null ? Map.of() : row.data);
        change.accept(data);
        row.data = data;
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Payment\"").executeUpdate();
    }
}
