package com.calcomalt.command.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.scheduling.RefundPolicy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Whether a cancelled paid booking is refunded, as its event type's refund policy says. */
class RefundPolicyTest {

    private static final Instant START = Instant.parse("2027-12-10T10:00:00Z");

    @Test
    void always_refunds_and_never_does_not() {
        assertThat(StripePayments.refunds(RefundPolicy.ALWAYS, null, START, START.plusSeconds(60))).isTrue();
        assertThat(StripePayments.refunds(RefundPolicy.NEVER, null, START, START.minusSeconds(86_400 * 30)))
                .isFalse();
    }

    @Test
    void days_refunds_a_cancellation_made_at_least_that_many_days_before_the_start_and_no_later_one() {
        Instant threeDaysBefore = Instant.parse("2027-12-07T10:00:00Z");
        assertThat(StripePayments.refunds(RefundPolicy.DAYS, 3, START, threeDaysBefore)).isTrue();
        assertThat(StripePayments.refunds(RefundPolicy.DAYS, 3, START, threeDaysBefore.plusSeconds(1))).isFalse();
        assertThat(StripePayments.refunds(RefundPolicy.DAYS, 3, null, threeDaysBefore))
                .as("a booking whose start is not known").isFalse();
    }
}
