package com.calcomalt.command.scheduling.booking;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.BookSeat;
import com.calcomalt.contracts.scheduling.RequestBooking;
import com.calcomalt.platform.axon.CallerMetaData;
import java.time.Clock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Claims a client's Idempotency-Key in the transaction of the booking it makes: if the booking
 * fails, the key stays free; if two requests with one key race, the second waits for the first
 * and then finds the key taken.
 */
@Component
class BookingRequestKeys implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String REQUEST_HASH = "requestHash";

    private final BookingLookups lookups;
    private final Clock clock;

    BookingRequestKeys(BookingLookups lookups, Clock clock) {
        this.lookups = lookups;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (command.getMetaData().get(IDEMPOTENCY_KEY) instanceof String key
                && command.getMetaData().get(REQUEST_HASH) instanceof String hash
                && command.getMetaData().get(CallerMetaData.CALLER) instanceof Caller caller) {
            String bookingUid = null;
            String seatUid = null;
            if (command.getPayload() instanceof RequestBooking c) {
                bookingUid = c.uid();
                seatUid = c.seat() == null ? null : c.seat().referenceUid();
            } else if (command.getPayload() instanceof BookSeat c) {
                bookingUid = c.uid();
                seatUid = c.seat().referenceUid();
            }
            if (bookingUid != null && !lookups.claimRequest(caller.userId(), key, hash, bookingUid, seatUid,
                    clock.instant())) {
                throw new KeyUsed(key);
            }
        }
        return chain.proceed();
    }

    /** The key was claimed by an earlier (or a concurrent, now committed) request of the same caller. */
    static class KeyUsed extends RuntimeException {

        KeyUsed(String key) {
            super("Idempotency-Key " + key + " was used before");
        }
    }
}
