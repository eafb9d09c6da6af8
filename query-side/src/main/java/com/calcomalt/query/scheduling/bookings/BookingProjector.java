package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingRated;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import java.time.Instant;
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
            row.updatedAt = null;
            row.location = event.location();
            row.paid = false;
            row.status = event.status();
            row.cancellationReason = null;
            row.rejectionReason = null;
            row.fromReschedule = event.fromReschedule();
            row.rescheduled = null;
            row.customInputs = event.customInputs();
            row.smsReminderNumber = event.smsReminderNumber();
            row.metadata = event.metadata();
            row.responses = event.responses();
            row.isRecorded = false;
            row.iCalSequence = event.iCalSequence();
            row.iCalUID = event.iCalUID();
            row.userPrimaryEmail = event.userPrimaryEmail();
            row.idempotencyKey = event.idempotencyKey();
            row.noShowHost = false;
            row.rating = null;
            row.ratingFeedback = null;
            row.cancelledBy = null;
            row.rescheduledBy = event.rescheduledBy();
            row.creationSource = event.creationSource();
        });
    }

    @EventHandler
    void on(BookingConfirmed event) {
        BookingRow row = changed(event.bookingId(), event.updatedAt());
        row.status = BookingStatus.accepted;
    }

    @EventHandler
    void on(BookingDeclined event) {
        BookingRow row = changed(event.bookingId(), event.updatedAt());
        row.status = BookingStatus.rejected;
        row.rejectionReason = event.rejectionReason();
        row.idempotencyKey = null;
    }

    @EventHandler
    void on(BookingCancelled event) {
        BookingRow row = changed(event.bookingId(), event.updatedAt());
        row.status = BookingStatus.cancelled;
        row.cancellationReason = event.cancellationReason();
        row.cancelledBy = event.cancelledBy();
        row.idempotencyKey = null;
    }

    @EventHandler
    void on(BookingRescheduled event) {
        BookingRow row = changed(event.bookingId(), event.updatedAt());
        row.rescheduled = true;
        row.status = BookingStatus.cancelled;
        row.cancellationReason = event.cancellationReason();
        row.rescheduledBy = event.rescheduledBy();
        row.idempotencyKey = null;
    }

    @EventHandler
    void on(BookingAbsenceMarked event) {
        BookingRow row = changed(event.bookingId(), event.updatedAt());
        if (event.noShowHost() != null) {
            row.noShowHost = event.noShowHost();
        }
    }

    @EventHandler
    void on(BookingRated event) {
        BookingRow row = changed(event.bookingId(), event.updatedAt());
        row.rating = event.rating();
        row.ratingFeedback = event.ratingFeedback();
    }

    @EventHandler
    void on(BookingSeatBooked event) {
        changed(event.bookingId(), event.updatedAt());
    }

    @EventHandler
    void on(BookingSeatCancelled event) {
        changed(event.bookingId(), event.updatedAt());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Booking\"").executeUpdate();
    }

    private BookingRow changed(int bookingId, Instant at) {
        BookingRow row = Rows.existing(entityManager, BookingRow.class, bookingId);
        row.updatedAt = at;
        return row;
    }
}
