package com.calcomalt.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.payments.PaymentCancelled;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.scheduling.WeeklyAvailabilitySet;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class ImportedBookingsStayQuietTest {

    private static boolean handled(Object payload, MetaData metaData) throws Exception {
        AtomicBoolean reached = new AtomicBoolean();
        EventMessage<?> message = GenericEventMessage.asEventMessage(payload).andMetaData(metaData);
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            ImportedBookingsStayQuiet.passOverImportedBookings().handle(unitOfWork, () -> {
                reached.set(true);
                return null;
            });
        } finally {
            unitOfWork.commit();
        }
        return reached.get();
    }

    private static final BookingCancelled CANCELLED = new BookingCancelled("uid", 1, "reason", "a@b.c",
            Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void an_imported_booking_event_is_passed_over() throws Exception {
        assertThat(handled(CANCELLED, MetaData.with("imported", "calcom"))).isFalse();
    }

    @Test
    void a_booking_event_of_this_system_is_handled() throws Exception {
        assertThat(handled(CANCELLED, MetaData.emptyInstance())).isTrue();
    }

    @Test
    void an_imported_payment_event_is_passed_over() throws Exception {
        assertThat(handled(PAID, MetaData.with("imported", "calcom"))).isFalse();
        assertThat(handled(new PaymentCancelled("pay", 7, 1, "uid", "evt", "canceled", Instant.EPOCH),
                MetaData.with("imported", "calcom"))).isFalse();
    }

    @Test
    void a_payment_event_of_this_system_is_handled() throws Exception {
        assertThat(handled(PAID, MetaData.emptyInstance())).isTrue();
    }

    private static final PaymentSucceeded PAID = new PaymentSucceeded("pay", 7, 1, "uid", PaymentOption.ON_BOOKING,
            "evt", Instant.EPOCH);

    @Test
    void other_imported_events_are_handled() throws Exception {
        assertThat(handled(new WeeklyAvailabilitySet(1, 2, List.of(), Instant.EPOCH),
                MetaData.with("imported", "calcom"))).isTrue();
    }
}
