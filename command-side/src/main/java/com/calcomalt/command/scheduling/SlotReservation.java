package com.calcomalt.command.scheduling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.ExpireSlotReservation;
import com.calcomalt.contracts.scheduling.ReleaseSlot;
import com.calcomalt.contracts.scheduling.ReserveSlot;
import com.calcomalt.contracts.scheduling.SlotReleased;
import com.calcomalt.contracts.scheduling.SlotReservationExpired;
import com.calcomalt.contracts.scheduling.SlotReservationIds;
import com.calcomalt.contracts.scheduling.SlotReserved;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A slot held for a booker while they fill in the booking form (cal.com's SelectedSlots): it is
 * released when they book or give up, and expires on its own otherwise.
 */
@Aggregate
public class SlotReservation {

    static final String EVENT_TYPE_EXISTS = "eventTypeExists";

    @AggregateIdentifier
    private String aggregateId;
    private String uid;
    private int reservationId;
    private int userId;
    private Instant releaseAt;

    protected SlotReservation() {
        // for Axon
    }

    @CommandHandler
    SlotReservation(ReserveSlot command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                    @MetaDataValue(EVENT_TYPE_EXISTS) Boolean eventTypeExists, Clock clock) {
        if (caller == null) {
            throw new AccessDenied("Slots are reserved by a known caller");
        }
        if (!Boolean.TRUE.equals(eventTypeExists)) {
            throw new NotFound("No event type " + command.eventTypeId());
        }
        Instant now = clock.instant();
        if (command.slotStart() == null || command.slotEnd() == null || !command.slotStart().isBefore(command.slotEnd())) {
            throw new DomainRuleViolation("A slot starts before it ends");
        }
        if (!command.slotEnd().isAfter(now)) {
            throw new DomainRuleViolation("A slot that is over cannot be reserved");
        }
        if (command.reservationMinutes() < 1 || command.reservationMinutes() > 15) {
            throw new DomainRuleViolation("A slot is held 1 to 15 minutes");
        }
        apply(new SlotReserved(command.uid(), command.reservationId(), command.eventTypeId(), caller.userId(),
                command.slotStart(), command.slotEnd(), now.plus(Duration.ofMinutes(command.reservationMinutes())),
                command.isSeat(), now));
    }

    @CommandHandler
    void handle(ReleaseSlot command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        if (caller == null || (caller.userId() != userId && !caller.systemAdmin())) {
            throw new AccessDenied("Only who reserved a slot releases it");
        }
        apply(new SlotReleased(uid, reservationId, clock.instant()));
    }

    @CommandHandler
    void handle(ExpireSlotReservation command, Clock clock) {
        Instant now = clock.instant();
        if (now.isBefore(releaseAt)) {
            throw new DomainRuleViolation("Reservation " + uid + " runs until " + releaseAt);
        }
        apply(new SlotReservationExpired(uid, reservationId, now));
    }

    @EventSourcingHandler
    void on(SlotReserved event) {
        aggregateId = SlotReservationIds.aggregateId(event.uid());
        uid = event.uid();
        reservationId = event.reservationId();
        userId = event.userId();
        releaseAt = event.releaseAt();
    }

    @EventSourcingHandler
    void on(SlotReleased event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(SlotReservationExpired event) {
        markDeleted();
    }
}
