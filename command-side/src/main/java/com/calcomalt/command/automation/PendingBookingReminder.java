package com.calcomalt.command.automation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.contracts.automation.CancelPendingBookingReminder;
import com.calcomalt.contracts.automation.PendingBookingReminderCancelled;
import com.calcomalt.contracts.automation.PendingBookingReminderIds;
import com.calcomalt.contracts.automation.PendingBookingReminderScheduled;
import com.calcomalt.contracts.automation.PendingBookingReminderSent;
import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.automation.ReminderType;
import com.calcomalt.contracts.automation.SchedulePendingBookingReminder;
import com.calcomalt.contracts.automation.SendPendingBookingReminder;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The reminder to a host that a booking still awaits their confirmation, elapsedMinutes after it
 * was made (cal.com's ReminderMail, type PENDING_BOOKING_CONFIRMATION). Planned, then cancelled or
 * sent, once: sending records the ReminderMail row before the email goes out. One imported from cal.com is
 * only its ReminderMail row, sent: planning it again is refused, so the planner does not send it twice.
 */
@Aggregate
public class PendingBookingReminder {

    enum Status { SCHEDULED, SENT, CANCELLED }

    @AggregateIdentifier
    private String aggregateId;
    private int bookingId;
    private int elapsedMinutes;
    private ReminderBooking booking;
    private Status status;

    protected PendingBookingReminder() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SchedulePendingBookingReminder command) {
        if (status != null) {
            throw new DomainConflict("The host's reminder after " + command.elapsedMinutes() + " minutes is planned already");
        }
        if (command.elapsedMinutes() <= 0) {
            throw new DomainRuleViolation("A pending booking is reminded of some minutes after it was made");
        }
        if (!command.bookingUid().equals(command.booking().uid())) {
            throw new DomainRuleViolation("The reminder is about booking " + command.bookingUid());
        }
        apply(new PendingBookingReminderScheduled(command.bookingUid(), command.booking().bookingId(),
                command.elapsedMinutes(), command.dueAt(), command.booking(), command.plannedAt()));
    }

    @CommandHandler
    void handle(CancelPendingBookingReminder command) {
        if (status != Status.SCHEDULED) {
            throw new DomainConflict("The host's reminder is " + status.name().toLowerCase() + " already");
        }
        apply(new PendingBookingReminderCancelled(booking.uid(), elapsedMinutes, command.reason(),
                command.cancelledAt()));
    }

    @CommandHandler
    ReminderBooking handle(SendPendingBookingReminder command) {
        if (status != Status.SCHEDULED) {
            throw new DomainConflict("The host's reminder is " + status.name().toLowerCase() + ": not sent");
        }
        apply(new PendingBookingReminderSent(command.reminderMailId(), booking.uid(), bookingId,
                ReminderType.PENDING_BOOKING_CONFIRMATION, elapsedMinutes, command.sentAt()));
        return booking;
    }

    @EventSourcingHandler
    void on(PendingBookingReminderScheduled event) {
        aggregateId = PendingBookingReminderIds.aggregateId(event.bookingUid(), event.elapsedMinutes());
        bookingId = event.bookingId();
        elapsedMinutes = event.elapsedMinutes();
        booking = event.booking();
        status = Status.SCHEDULED;
    }

    @EventSourcingHandler
    void on(PendingBookingReminderCancelled event) {
        status = Status.CANCELLED;
    }

    /** Also the first event of a reminder imported from cal.com, which tells only that it was sent. */
    @EventSourcingHandler
    void on(PendingBookingReminderSent event) {
        aggregateId = PendingBookingReminderIds.aggregateId(event.bookingUid(), event.elapsedMinutes());
        bookingId = event.bookingId();
        elapsedMinutes = event.elapsedMinutes();
        status = Status.SENT;
    }
}
