package com.calcomalt.command.automation;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.automation.SendPendingBookingReminder;
import com.calcomalt.platform.domain.DomainConflict;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reminds a host that a booking still awaits their confirmation: a db-scheduler one-time task per
 * booking and interval. At most once, as {@link WorkflowReminderTask}: the ReminderMail row's event
 * is stored before the email goes out, and a second run finds it and sends nothing.
 */
@Configuration
class PendingBookingReminderTask {

    static final String NAME = "pending-booking-reminder";
    static final String SUBJECT = "Awaiting approval: {EVENT_NAME} at {EVENT_DATE} {EVENT_TIME}";
    static final String BODY = "Hi {ORGANIZER},\n\n{ATTENDEE} booked {EVENT_NAME} on {EVENT_DATE} at {EVENT_TIME}"
            + " ({TIMEZONE}), and it still awaits your confirmation.\nPlease confirm or reject it.\n";
    private static final Logger log = LoggerFactory.getLogger(PendingBookingReminderTask.class);

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final ReminderEmailSender email;
    private final Clock clock;

    PendingBookingReminderTask(CommandGateway commands, IdAllocator ids, ReminderEmailSender email, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.email = email;
        this.clock = clock;
    }

    static String instanceId(String bookingUid, int elapsedMinutes) {
        return bookingUid + ":" + elapsedMinutes;
    }

    static TaskInstance<Void> instance(String bookingUid, int elapsedMinutes) {
        return new TaskInstance<>(NAME, instanceId(bookingUid, elapsedMinutes));
    }

    @Bean
    OneTimeTask<Void> pendingBookingReminderSending() {
        return Tasks.oneTime(NAME, Void.class).execute((instance, context) -> {
            String id = instance.getId();
            int split = id.lastIndexOf(':');
            send(id.substring(0, split), Integer.parseInt(id.substring(split + 1)));
        });
    }

    void send(String bookingUid, int elapsedMinutes) {
        ReminderBooking booking;
        try {
            booking = commands.sendAndWait(new SendPendingBookingReminder(bookingUid, elapsedMinutes,
                    ids.next("ReminderMail"), clock.instant()));
        } catch (DomainConflict | AggregateNotFoundException notToSend) {
            log.info("Host reminder of booking {} after {} minutes not sent: {}", bookingUid, elapsedMinutes,
                    notToSend.getMessage());
            return;
        }
        var attendee = booking.attendees().isEmpty() ? null : booking.attendees().get(0);
        try {
            email.send(new ReminderEmail(List.of(booking.organizerEmail()),
                    ReminderTemplate.fill(SUBJECT, booking, attendee, booking.organizerTimeZone()),
                    ReminderTemplate.fill(BODY, booking, attendee, booking.organizerTimeZone())));
        } catch (RuntimeException failed) {
            log.warn("Host reminder of booking {} after {} minutes failed: {}", bookingUid, elapsedMinutes,
                    failed.getMessage());
        }
    }
}
