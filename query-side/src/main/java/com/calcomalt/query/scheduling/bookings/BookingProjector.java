package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingColumnsImported;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.platform.deadletters.Batched;
import com.calcomalt.platform.deadletters.BatchedRows;
import com.calcomalt.platform.deadletters.Upsert;
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

    /** Booking's rows, held for the batch; written first of the booking's tables, which point at it. */
    static final BatchedRows.Table<BookingRow> TABLE = new BatchedRows.Table<>("\"Booking\"", 1,
            BookingProjector::whole, BookingProjector::lifecycle);

    private final EntityManager entityManager;
    private final BatchedRows rows;

    BookingProjector(EntityManager entityManager, BatchedRows rows) {
        this.entityManager = entityManager;
        this.rows = rows;
    }

    @EventHandler
    @Batched
    void on(BookingRequested event) {
        BookingRow row = new BookingRow();
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
        rows.write(TABLE, row.id, row);
    }

    /** A later change of the booking: its row's lifecycle columns are the booking's story folded one step further. */
    @EventHandler
    @Batched
    void on(BookingChange event) {
        if (!Lifecycle.changesRow(event)) {
            return;
        }
        rows.change(TABLE, event.bookingId(), () -> load(event.bookingId()), row -> write(row,
                new Lifecycle(row.status, row.cancellationReason, row.rejectionReason, row.cancelledBy,
                        row.rescheduled, row.rescheduledBy, null, Boolean.TRUE.equals(row.noShowHost), row.rating,
                        row.ratingFeedback, row.updatedAt, row.paid).apply(event)));
    }

    /**
     * The imported columns no command of ours sets. A destination calendar whose row is not there (left out by
     * the import) is left out, as cal.com's foreign key would set it null.
     */
    @EventHandler
    @Batched
    void on(BookingColumnsImported event) {
        Integer destinationCalendarId = event.destinationCalendarId() != null
                && exists("DestinationCalendar", event.destinationCalendarId()) ? event.destinationCalendarId() : null;
        Integer reassignById = event.reassignById() != null && exists("users", event.reassignById())
                ? event.reassignById() : null;
        rows.change(TABLE, event.bookingId(), () -> load(event.bookingId()), row -> {
            row.dynamicEventSlugRef = event.dynamicEventSlugRef();
            row.dynamicGroupSlugRef = event.dynamicGroupSlugRef();
            row.recurringEventId = event.recurringEventId();
            row.destinationCalendarId = destinationCalendarId;
            row.scheduledJobs = event.scheduledJobs();
            row.oneTimePassword = event.oneTimePassword();
            row.reassignReason = event.reassignReason();
            row.reassignById = reassignById;
            row.importedColumns = true;
        });
    }

    private boolean exists(String table, int id) {
        return ((Number) entityManager.createNativeQuery("select count(*) from \"" + table + "\" where id = ?1")
                .setParameter(1, id).getSingleResult()).intValue() > 0;
    }

    /** The row as the table holds it, for this batch to change; null if there is none. */
    BookingRow load(int bookingId) {
        BookingRow row = entityManager.find(BookingRow.class, bookingId);
        if (row != null) {
            entityManager.detach(row);
        }
        return row;
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

    /** A row made by its booking's first event, with whatever later events of the batch changed. */
    private static Upsert whole(BookingRow row) {
        Upsert statement = lifecycleColumns(Upsert.into(TABLE.name()).set("id", row.id), row)
                .set("uid", row.uid)
                .set("userId", row.userId)
                .set("eventTypeId", row.eventTypeId)
                .set("title", row.title)
                .set("description", row.description)
                .set("startTime", row.startTime)
                .set("endTime", row.endTime)
                .set("createdAt", row.createdAt)
                .set("location", row.location)
                .set("fromReschedule", row.fromReschedule)
                .json("customInputs", row.customInputs)
                .set("smsReminderNumber", row.smsReminderNumber)
                .json("metadata", row.metadata)
                .json("responses", row.responses)
                .set("isRecorded", row.isRecorded)
                .set("iCalSequence", row.iCalSequence)
                .set("iCalUID", row.iCalUID)
                .set("userPrimaryEmail", row.userPrimaryEmail)
                .enumerated("creationSource", "CreationSource", row.creationSource);
        return importedColumns(statement, row);
    }

    /**
     * Only the columns a later event changes: the database itself may have changed others (eventTypeId). The
     * imported columns only when the batch's events brought them.
     */
    private static Upsert lifecycle(BookingRow row) {
        Upsert update = lifecycleColumns(Upsert.update(TABLE.name()).set("id", row.id), row);
        return row.importedColumns ? importedColumns(update, row) : update;
    }

    private static Upsert importedColumns(Upsert statement, BookingRow row) {
        return statement.set("dynamicEventSlugRef", row.dynamicEventSlugRef)
                .set("dynamicGroupSlugRef", row.dynamicGroupSlugRef)
                .set("recurringEventId", row.recurringEventId)
                .set("destinationCalendarId", row.destinationCalendarId)
                .set("scheduledJobs", row.scheduledJobs == null ? null : row.scheduledJobs.toArray(String[]::new))
                .set("oneTimePassword", row.oneTimePassword)
                .set("reassignReason", row.reassignReason)
                .set("reassignById", row.reassignById);
    }

    private static Upsert lifecycleColumns(Upsert statement, BookingRow row) {
        return statement
                .enumerated("status", "BookingStatus", row.status)
                .set("cancellationReason", row.cancellationReason)
                .set("rejectionReason", row.rejectionReason)
                .set("cancelledBy", row.cancelledBy)
                .set("rescheduled", row.rescheduled)
                .set("rescheduledBy", row.rescheduledBy)
                .set("noShowHost", row.noShowHost)
                .set("rating", row.rating)
                .set("ratingFeedback", row.ratingFeedback)
                .set("updatedAt", row.updatedAt)
                .set("paid", row.paid)
                .set("idempotencyKey", row.idempotencyKey);
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Booking\"").executeUpdate();
    }
}
