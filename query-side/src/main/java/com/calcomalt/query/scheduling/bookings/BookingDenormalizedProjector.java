package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.calcomalt.contracts.scheduling.EventTypeUpdated;
import com.calcomalt.platform.deadletters.Batched;
import com.calcomalt.platform.deadletters.BatchedRows;
import com.calcomalt.platform.deadletters.Upsert;
import com.calcomalt.rules.scheduling.BookingState.Lifecycle;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code BookingDenormalized} table as cal.com's triggers do: a booking's own
 * columns follow the booking's events, its event type's columns (teamId, eventLength,
 * eventParentId, isTeamBooking) follow the event type, and its user's columns (userEmail,
 * userName, userUsername) follow the user. When an event type goes, cal.com's foreign key nulls the
 * booking's eventTypeId, and the trigger then finds no event type: its columns become null and the
 * booking a personal one. The rows of many bookings change in one statement, and only those that
 * change are written.
 */
@Component
@ProcessingGroup("calcom.BookingDenormalized")
class BookingDenormalizedProjector {

    private static final String NO_EVENT_TYPE = """
            update BookingDenormalizedRow d set d.eventTypeId = null, d.teamId = null, d.eventLength = null,
                d.eventParentId = null, d.isTeamBooking = false""";

    /** BookingDenormalized's rows held for the batch, as the booking's events leave them. */
    private static final BatchedRows.Table<BookingDenormalizedRow> TABLE = new BatchedRows.Table<>(
            "\"BookingDenormalized\"", 6, BookingDenormalizedProjector::whole, BookingDenormalizedProjector::lifecycle);

    private final EntityManager entityManager;
    private final BatchedRows rows;

    BookingDenormalizedProjector(EntityManager entityManager, BatchedRows rows) {
        this.entityManager = entityManager;
        this.rows = rows;
    }

    @EventHandler
    @Batched
    void on(BookingRequested event) {
        BookingHostSnapshot host = event.host();
        BookingDenormalizedRow row = new BookingDenormalizedRow();
        row.id = event.bookingId();
        row.uid = event.uid();
        row.eventTypeId = event.eventTypeId();
        row.title = event.title();
        row.description = event.description();
        row.startTime = event.startTime();
        row.endTime = event.endTime();
        row.createdAt = event.createdAt();
        row.location = event.location();
        row.paid = false;
        row.userId = event.userId();
        row.teamId = host == null ? null : host.teamId();
        row.eventLength = host == null ? null : host.eventLength();
        row.eventParentId = host == null ? null : host.eventParentId();
        row.userEmail = host == null ? null : host.userEmail();
        row.userName = host == null ? null : host.userName();
        row.userUsername = host == null ? null : host.userUsername();
        row.isTeamBooking = row.teamId != null;
        write(row, Lifecycle.of(event));
        rows.write(TABLE, row.id, row);
    }

    /**
     * A later change of the booking: the booking's story folded one step further. This table keeps
     * only some of the lifecycle's columns; each follows the events alone, so the others stay unknown.
     */
    @EventHandler
    @Batched
    void on(BookingChange event) {
        if (!Lifecycle.changesRow(event)) {
            return;
        }
        rows.change(TABLE, event.bookingId(), () -> load(event.bookingId()), row -> write(row,
                new Lifecycle(row.status, null, null, null, row.rescheduled, null, null,
                        Boolean.TRUE.equals(row.noShowHost), row.rating, row.ratingFeedback, row.updatedAt,
                        row.paid).apply(event)));
    }

    private BookingDenormalizedRow load(int bookingId) {
        BookingDenormalizedRow row = entityManager.find(BookingDenormalizedRow.class, bookingId);
        if (row != null) {
            entityManager.detach(row);
        }
        return row;
    }

    private static void write(BookingDenormalizedRow row, Lifecycle lifecycle) {
        row.status = lifecycle.status();
        row.rescheduled = lifecycle.rescheduled();
        row.noShowHost = lifecycle.noShowHost();
        row.rating = lifecycle.rating();
        row.ratingFeedback = lifecycle.ratingFeedback();
        row.updatedAt = lifecycle.updatedAt();
        row.paid = lifecycle.paid();
    }

    /** A row made by its booking's first event, with whatever later events of the batch changed. */
    private static Upsert whole(BookingDenormalizedRow row) {
        return lifecycleColumns(Upsert.into(TABLE.name()).set("id", row.id), row)
                .set("uid", row.uid)
                .set("eventTypeId", row.eventTypeId)
                .set("title", row.title)
                .set("description", row.description)
                .set("startTime", row.startTime)
                .set("endTime", row.endTime)
                .set("createdAt", row.createdAt)
                .set("location", row.location)
                .set("userId", row.userId)
                .set("teamId", row.teamId)
                .set("eventLength", row.eventLength)
                .set("eventParentId", row.eventParentId)
                .set("userEmail", row.userEmail)
                .set("userName", row.userName)
                .set("userUsername", row.userUsername)
                .set("isTeamBooking", row.isTeamBooking);
    }

    /** Only the lifecycle's columns: bulk updates by event type and user change the others. */
    private static Upsert lifecycle(BookingDenormalizedRow row) {
        return lifecycleColumns(Upsert.update(TABLE.name()).set("id", row.id), row);
    }

    private static Upsert lifecycleColumns(Upsert statement, BookingDenormalizedRow row) {
        return statement
                .enumerated("status", "BookingStatus", row.status)
                .set("rescheduled", row.rescheduled)
                .set("noShowHost", row.noShowHost)
                .set("rating", row.rating)
                .set("ratingFeedback", row.ratingFeedback)
                .set("updatedAt", row.updatedAt)
                .set("paid", row.paid);
    }

    /** Only rows that change are written: most changes of an event type leave these columns as they are. */
    @EventHandler
    void on(EventTypeUpdated event) {
        entityManager.createNativeQuery("""
                        update "BookingDenormalized" set "teamId" = cast(?1 as int), "eventLength" = cast(?2 as int),
                            "eventParentId" = cast(?3 as int), "isTeamBooking" = ?4
                        where "eventTypeId" = ?5 and ("teamId" is distinct from cast(?1 as int)
                            or "eventLength" is distinct from cast(?2 as int)
                            or "eventParentId" is distinct from cast(?3 as int))""")
                .setParameter(1, event.teamId())
                .setParameter(2, event.settings().length())
                .setParameter(3, event.parentId())
                .setParameter(4, event.teamId() != null)
                .setParameter(5, event.eventTypeId())
                .executeUpdate();
    }

    /** The managed children of a deleted event type go with it, by cascade. */
    @EventHandler
    void on(EventTypeDeleted event) {
        entityManager.createQuery(NO_EVENT_TYPE + " where d.eventTypeId = :id or d.eventParentId = :id")
                .setParameter("id", event.eventTypeId())
                .executeUpdate();
    }

    /**
     * A team's event types (an organization's: those of its teams too) and their managed children go
     * with it, by cascade. Whether the team's own projector has cascaded already or not, the rows are
     * found: by the team, or by the booking that lost its event type.
     */
    @EventHandler
    void on(TeamDeleted event) {
        entityManager.createNativeQuery("""
                        update "BookingDenormalized" d set "eventTypeId" = null, "teamId" = null, "eventLength" = null,
                            "eventParentId" = null, "isTeamBooking" = false
                        where d."eventTypeId" is not null and (
                            d."teamId" = ?1
                            or d."teamId" in (select t.id from "Team" t where t."parentId" = ?1)
                            or d."eventParentId" in (select e.id from "EventType" e where e."teamId" = ?1
                                or e."teamId" in (select t.id from "Team" t where t."parentId" = ?1))
                            or d.id in (select b.id from "Booking" b where b."eventTypeId" is null))""")
                .setParameter(1, event.teamId())
                .executeUpdate();
    }

    @EventHandler
    void on(UserProfileUpdated event) {
        entityManager.createNativeQuery("""
                        update "BookingDenormalized" set "userName" = cast(?1 as text), "userUsername" = cast(?2 as text)
                        where "userId" = ?3 and ("userName" is distinct from cast(?1 as text)
                            or "userUsername" is distinct from cast(?2 as text))""")
                .setParameter(1, event.name())
                .setParameter(2, event.username())
                .setParameter(3, event.userId())
                .executeUpdate();
    }

    @EventHandler
    void on(UserEmailChanged event) {
        entityManager.createNativeQuery("""
                        update "BookingDenormalized" set "userEmail" = ?1
                        where "userId" = ?2 and "userEmail" is distinct from ?1""")
                .setParameter(1, event.email())
                .setParameter(2, event.userId())
                .executeUpdate();
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"BookingDenormalized\"").executeUpdate();
    }
}
