package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.query.projections.Rows;
import com.calcomalt.rules.scheduling.BookingState.Lifecycle;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code Booking} table. {@code updatedAt} stays null until the booking first
 * changes, as cal.com leaves it; a cancellation, rejection or reschedule clears the idempotency key
 * so the slot can be booked again.
 * <p>
 * A booking's attendees, seats and tracking are written by the same event into tables that point at
 * this one. Axon runs the processing groups of a processor in no fixed order, so their projectors
 * share this one group, where {@code @Order} writes the booking first.
 */
@Component
@ProcessingGroup(BookingProjector.GROUP)
@Order(1)
class BookingProjector {

    static final String GROUP = "calcom.Booking";

    private final EntityManager entityManager;

    BookingProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(BookingRequested event) {
        Rows.write(entityManager, BookingRow.class, event.bookingId(), BookingRow::new, row -> {
            row.id = event.bookingId();
            row.uid = event.uid();
            row.userId = event.userId();
            row.eventTypeId = event.eventTypeId();
            row.title = event.title();
            row.description = event.description();
            row.startTime = event.startTime();
            row.endTime = event.endTime();
            row.createdAt = event.createdAt();
            row.location = event.location();
            row.paid = false;
            row.fromReschedule = event.fromReschedule();
            row.customInputs = event.customInputs();
            row.smsReminderNumber = event.smsReminderNumber();
            row.metadata = event.metadata();
            row.responses = event.responses();
            row.isRecorded = false;
            row.iCalSequence = event.iCalSequence();
            row.iCalUID = event.iCalUID();
            row.userPrimaryEmail = event.userPrimaryEmail();
            row.idempotencyKey = event.idempotencyKey();
            row.creationSource = event.creationSource();
            write(row, Lifecycle.of(event));
        });
    }

    /** A later change of the booking: its row's lifecycle columns are the booking's story folded one step further. */
    @EventHandler
    void on(BookingChange event) {
        if (!Lifecycle.changesRow(event)) {
            return;
        }
        BookingRow row = Rows.existing(entityManager, BookingRow.class, event.bookingId());
        write(row, new Lifecycle(row.status, row.cancellationReason, row.rejectionReason, row.cancelledBy,
                row.rescheduled, row.rescheduledBy, null, Boolean.TRUE.equals(row.noShowHost), row.rating,
                row.ratingFeedback, row.updatedAt, row.paid).apply(event));
    }

    /** cal.com clears the idempotency key of a booking that no longer takes place, so its slot can be booked again. */
    private static void write(BookingRow row, Lifecycle lifecycle) {
        row.status = lifecycle.status();
        row.cancellationReason = lifecycle.cancellationReason();
        row.rejectionReason = lifecycle.rejectionReason();
        row.cancelledBy = lifecycle.cancelledBy();
        row.rescheduled = lifecycle.rescheduled();
        row.rescheduledBy = lifecycle.rescheduledBy();
        row.noShowHost = lifecycle.noShowHost();
        row.rating = lifecycle.rating();
        row.ratingFeedback = lifecycle.ratingFeedback();
        row.updatedAt = lifecycle.updatedAt();
        row.paid = lifecycle.paid();
        if (!lifecycle.takingPlace()) {
            row.idempotencyKey = null;
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Booking\"").executeUpdate();
    }
}
