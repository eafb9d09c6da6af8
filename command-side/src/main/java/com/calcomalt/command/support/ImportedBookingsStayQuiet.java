package com.calcomalt.command.support;

import com.calcomalt.contracts.payments.PaymentChange;
import com.calcomalt.contracts.scheduling.BookingChange;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bookings imported from cal.com happened there: their calendar events were written, their
 * reminders planned and their payments taken. The processors that act on the world therefore pass
 * over imported booking events and imported payment events (an imported success would mark its
 * booking paid again, or refund it; an imported cancellation would cancel its booking). They still
 * see everything else that is imported (workflows), so new bookings on imported data are acted on
 * as usual. The webhook dispatcher is not among them: it keeps every booking for the payload of its
 * later changes, and itself delivers nothing for an imported event.
 */
@Configuration
class ImportedBookingsStayQuiet {

    /** The processing groups with side effects on booking events (calendar writer, reminders, Stripe). */
    static final List<String> ACTING_GROUPS = List.of("calendar-writer", "workflow-reminders", "payments-stripe");

    @Bean
    ConfigurerModule importedBookingsPassOverActingProcessors() {
        return configurer -> ACTING_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerHandlerInterceptor(group, configuration -> passOverImportedBookings()));
    }

    static MessageHandlerInterceptor<EventMessage<?>> passOverImportedBookings() {
        return (unitOfWork, chain) -> {
            EventMessage<?> event = unitOfWork.getMessage();
            if ("calcom".equals(event.getMetaData().get("imported")) && (event.getPayload() instanceof BookingChange
                    || event.getPayload() instanceof PaymentChange)) {
                return null;
            }
            return chain.proceed();
        };
    }
}
