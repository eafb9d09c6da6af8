package com.calcomalt.command.scheduling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.CreateOutOfOfficeReason;
import com.calcomalt.contracts.scheduling.DisableOutOfOfficeReason;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonDisabled;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonIds;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** Why someone is away: everybody's reasons (made by system administrators) or a user's own. */
@Aggregate
public class OutOfOfficeReason {

    @AggregateIdentifier
    private String aggregateId;
    private int reasonId;
    private Integer userId;
    private boolean enabled;

    protected OutOfOfficeReason() {
        // for Axon
    }

    @CommandHandler
    OutOfOfficeReason(CreateOutOfOfficeReason command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                      Clock clock) {
        requireOwner(caller, command.userId());
        if (command.reason() == null || command.reason().isBlank() || command.reason().length() > 255) {
            throw new DomainRuleViolation("A reason has 1 to 255 characters");
        }
        if (command.emoji() == null || command.emoji().isBlank() || command.emoji().length() > 16) {
            throw new DomainRuleViolation("A reason has an emoji");
        }
        apply(new OutOfOfficeReasonCreated(command.reasonId(), command.emoji(), command.reason(), command.userId(),
                clock.instant()));
    }

    @CommandHandler
    void handle(DisableOutOfOfficeReason command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireOwner(caller, userId);
        if (enabled) {
            apply(new OutOfOfficeReasonDisabled(reasonId, clock.instant()));
        }
    }

    private static void requireOwner(Caller caller, Integer userId) {
        boolean allowed = caller != null && (userId == null ? caller.systemAdmin() : caller.mayActAs(userId));
        if (!allowed) {
            throw new AccessDenied(userId == null ? "Only a system administrator changes everybody's reasons"
                    : "Only user " + userId + " changes their reasons");
        }
    }

    @EventSourcingHandler
    void on(OutOfOfficeReasonCreated event) {
        aggregateId = OutOfOfficeReasonIds.aggregateId(event.reasonId());
        reasonId = event.reasonId();
        userId = event.userId();
        enabled = true;
    }

    @EventSourcingHandler
    void on(OutOfOfficeReasonDisabled event) {
        enabled = false;
    }
}
