package com.calcomalt.command.scheduling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.CreateOutOfOffice;
import com.calcomalt.contracts.scheduling.DeleteOutOfOffice;
import com.calcomalt.contracts.scheduling.OutOfOfficeCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeDeleted;
import com.calcomalt.contracts.scheduling.OutOfOfficeEntryView;
import com.calcomalt.contracts.scheduling.OutOfOfficeIds;
import com.calcomalt.contracts.scheduling.OutOfOfficeUpdated;
import com.calcomalt.contracts.scheduling.UpdateOutOfOffice;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A time a user is away, optionally sending bookers to someone else. A user's entries never
 * overlap: that spans entries and is kept by {@link SchedulingRegistry}.
 */
@Aggregate
public class OutOfOffice {

    /** Facts: whether the reason and the user bookers are sent to, where the command names them, exist. */
    static final String REASON_EXISTS = "outOfOfficeReasonExists";
    static final String REDIRECT_USER_EXISTS = "redirectUserExists";

    @AggregateIdentifier
    private String aggregateId;
    private int entryId;
    private int userId;
    private Instant start;
    private Instant end;
    private Integer reasonId;
    private Integer toUserId;
    private String notes;
    private boolean showNotePublicly;
    private String uuid;
    private Instant createdAt;
    private Instant updatedAt;

    protected OutOfOffice() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    OutOfOfficeEntryView handle(CreateOutOfOffice command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                                @MetaDataValue(REASON_EXISTS) Boolean reasonExists,
                                @MetaDataValue(REDIRECT_USER_EXISTS) Boolean redirectUserExists, Clock clock) {
        requireOwner(caller, command.userId());
        requireExisting(command.reasonId(), reasonExists, command.toUserId(), redirectUserExists);
        require(command.userId(), command.start(), command.end(), command.toUserId(), command.notes());
        apply(new OutOfOfficeCreated(command.entryId(), command.uuid(), command.userId(), command.start(),
                command.end(), command.reasonId(), command.toUserId(), command.notes(),
                Boolean.TRUE.equals(command.showNotePublicly()), clock.instant()));
        return view();
    }

    @CommandHandler
    OutOfOfficeEntryView handle(UpdateOutOfOffice command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                                @MetaDataValue(REASON_EXISTS) Boolean reasonExists,
                                @MetaDataValue(REDIRECT_USER_EXISTS) Boolean redirectUserExists, Clock clock) {
        requireOwner(caller, userId);
        requireExisting(command.reasonId(), reasonExists, command.toUserId(), redirectUserExists);
        Instant newStart = keep(command.start(), start);
        Instant newEnd = keep(command.end(), end);
        Integer newReason = keep(command.reasonId(), reasonId);
        Integer newTo = keep(command.toUserId(), toUserId);
        String newNotes = keep(command.notes(), notes);
        boolean newShow = keep(command.showNotePublicly(), showNotePublicly);
        require(userId, newStart, newEnd, newTo, newNotes);
        if (!newStart.equals(start) || !newEnd.equals(end) || !Objects.equals(newReason, reasonId)
                || !Objects.equals(newTo, toUserId) || !Objects.equals(newNotes, notes) || newShow != showNotePublicly) {
            apply(new OutOfOfficeUpdated(entryId, userId, newStart, newEnd, newReason, newTo, newNotes, newShow,
                    clock.instant()));
        }
        return view();
    }

    @CommandHandler
    OutOfOfficeEntryView handle(DeleteOutOfOffice command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                                Clock clock) {
        requireOwner(caller, userId);
        OutOfOfficeEntryView deleted = view();
        apply(new OutOfOfficeDeleted(entryId, userId, clock.instant()));
        return deleted;
    }

    /**
     * The entry as its events leave it, what every command answers (a deletion: as it was). The
     * reason's name is the web layer's to add: the events carry only its id.
     */
    private OutOfOfficeEntryView view() {
        return new OutOfOfficeEntryView(entryId, uuid, userId, toUserId, start, end, notes, null, reasonId,
                showNotePublicly, createdAt, updatedAt);
    }

    private static void require(int userId, Instant start, Instant end, Integer toUserId, String notes) {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new DomainRuleViolation("Time out of office starts before it ends");
        }
        if (toUserId != null && toUserId == userId) {
            throw new DomainRuleViolation("Bookers are sent to someone else, not to the user who is away");
        }
        if (notes != null && notes.length() > 2000) {
            throw new DomainRuleViolation("Notes have at most 2000 characters");
        }
    }

    private static void requireExisting(Integer reasonId, Boolean reasonExists, Integer toUserId,
                                        Boolean redirectUserExists) {
        if (reasonId != null && !Boolean.TRUE.equals(reasonExists)) {
            throw new DomainRuleViolation("There is no out-of-office reason " + reasonId);
        }
        if (toUserId != null && !Boolean.TRUE.equals(redirectUserExists)) {
            throw new DomainRuleViolation("There is no user " + toUserId + " to send bookers to");
        }
    }

    private static void requireOwner(Caller caller, int userId) {
        if (caller == null || !caller.mayActAs(userId)) {
            throw new AccessDenied("Only user " + userId + " says when they are away");
        }
    }

    private static <T> T keep(T requested, T current) {
        return requested != null ? requested : current;
    }

    @EventSourcingHandler
    void on(OutOfOfficeCreated event) {
        aggregateId = OutOfOfficeIds.aggregateId(event.entryId());
        entryId = event.entryId();
        userId = event.userId();
        start = event.start();
        end = event.end();
        reasonId = event.reasonId();
        toUserId = event.toUserId();
        notes = event.notes();
        showNotePublicly = event.showNotePublicly();
        uuid = event.uuid();
        createdAt = event.createdAt();
        updatedAt = event.createdAt();
    }

    @EventSourcingHandler
    void on(OutOfOfficeUpdated event) {
        start = event.start();
        end = event.end();
        reasonId = event.reasonId();
        toUserId = event.toUserId();
        notes = event.notes();
        showNotePublicly = event.showNotePublicly();
        updatedAt = event.updatedAt();
    }

    @EventSourcingHandler
    void on(OutOfOfficeDeleted event) {
        markDeleted();
    }
}
