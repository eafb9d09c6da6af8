package com.calcomalt.command.payments;

import com.calcomalt.contracts.scheduling.CreateEventType;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.UpdateEventType;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.rules.scheduling.EventTypePayment;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Refuses to make an event type paid while Stripe is not configured (422): its bookings could be
 * neither paid nor confirmed, and would only hold their slots until they expire.
 */
@Component
class StripeRequired implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final StripeGateway stripe;

    StripeRequired(StripeGateway stripe) {
        this.stripe = stripe;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object command = unitOfWork.getMessage().getPayload();
        EventTypeSettings settings = command instanceof CreateEventType c ? c.settings()
                : command instanceof UpdateEventType c ? c.settings() : null;
        if (settings != null && !stripe.configured() && paid(settings)) {
            throw new DomainRuleViolation("A paid event type needs Stripe: set CALALT_STRIPE_SECRET_KEY and"
                    + " CALALT_STRIPE_WEBHOOK_SECRET");
        }
        return chain.proceed();
    }

    /** An ill-formed app is the aggregate's to refuse, with what is wrong with it. */
    private static boolean paid(EventTypeSettings settings) {
        try {
            return EventTypePayment.required(settings.metadata()).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
