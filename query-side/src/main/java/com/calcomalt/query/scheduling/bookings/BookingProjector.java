package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.query.projections.Rows;
import com.calcomalt.query.projections.Upsert;
import com.calcomalt.rules.scheduling.BookingState.Lifecycle;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;

    BookingProjector(EntityManager entityManager, JdbcTemplate jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    /**
     * The hottest handler of a replay: one statement, no entity (see {@link Upsert}), which also lists
     * the booking as written, for {@link BookingListingProjector}.
     */
    @EventHandler
    void on(BookingRequested event) {
        Lifecycle lifecycle = Lifecycle.of(event);
        Upsert.into("Booking")
                .set("id", event.bookingId())
                .set("uid", event.uid())
                .set("userId", event.userId())
                .set("eventTypeId", event.eventTypeId())
                .set("title", event.title())
                .set("description", event.description())
                .set("startTime", event.startTime())
                .set("endTime", event.endTime())
                .set("createdAt", event.createdAt())
                .set("updatedAt", lifecycle.updatedAt())
                .set("location", event.location())
                .set("paid", false)
                .enumerated("status", "BookingStatus", lifecycle.status())
                .set("cancellationReason", lifecycle.cancellationReason())
                .set("rejectionReason", lifecycle.rejectionReason())
                .set("fromReschedule", event.fromReschedule())
                .set("rescheduled", lifecycle.rescheduled())
                .json("customInputs", event.customInputs())
                .set("smsReminderNumber", event.smsReminderNumber())
                .json("metadata", event.metadata())
                .json("responses", event.responses())
                .set("isRecorded", false)
                .set("iCalSequence", event.iCalSequence())
                .set("iCalUID", event.iCalUID())
                .set("userPrimaryEmail", event.userPrimaryEmail())
                .set("idempotencyKey", lifecycle.takingPlace() ? event.idempotencyKey() : null)
                .set("noShowHost", lifecycle.noShowHost())
                .set("rating", lifecycle.rating())
                .set("ratingFeedback", lifecycle.ratingFeedback())
                .set("cancelledBy", lifecycle.cancelledBy())
                .set("rescheduledBy", lifecycle.rescheduledBy())
                .enumerated("creationSource", "CreationSource", event.creationSource())
                .executeThen(entityManager, jdbc, BookingListingProjector.COLUMNS, BookingListingProjector.FROM_WRITTEN);
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
                row.ratingFeedback, row.updatedAt).apply(event));
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
        if (!lifecycle.takingPlace()) {
            row.idempotencyKey = null;
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Booking\"").executeUpdate();
    }
}
