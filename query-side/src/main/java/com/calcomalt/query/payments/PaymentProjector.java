package com.calcomalt.query.payments;

import com.calcomalt.contracts.payments.PaymentCharged;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.payments.PaymentRefunded;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code Payment} table. A failed attempt leaves the row as it is: cal.com records
 * only that a payment went through and whether it was refunded.
 */
@Component
@ProcessingGroup("calcom.Payment")
class PaymentProjector {

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

    /** A HOLD's success only saves the card: cal.com's row becomes a success when the card is charged. */
    @EventHandler
    void on(PaymentSucceeded event) {
        if (event.paymentOption() != PaymentOption.HOLD) {
            Rows.existing(entityManager, PaymentRow.class, event.paymentId()).success = true;
        }
    }

    @EventHandler
    void on(PaymentCharged event) {
        Rows.existing(entityManager, PaymentRow.class, event.paymentId()).success = true;
    }

    @EventHandler
    void on(PaymentRefunded event) {
        Rows.existing(entityManager, PaymentRow.class, event.paymentId()).refunded = true;
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Payment\"").executeUpdate();
    }
}
