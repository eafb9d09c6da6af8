package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.features.FeatureFlags;
import com.calcomalt.contracts.scheduling.BookSeat;
import com.calcomalt.contracts.scheduling.RequestBooking;
import com.calcomalt.contracts.scheduling.RescheduleBooking;
import com.calcomalt.platform.domain.AccessDenied;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses every new booking of a team's event types (a request, a seat, a reschedule's new booking)
 * while the team has the {@value #DISABLE_BOOKINGS} kill switch, by its own grant or its
 * organization's; cancelling and the rest go on. A 403: the request is valid and the booker can do
 * nothing to it (not a 422), nor is it a race to retry (not a 409, which this API answers for lost
 * races); the same request succeeds once the switch is off, with no restart.
 */
@Component
class BookingKillSwitch implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String DISABLE_BOOKINGS = "disable-bookings";

    private final FeatureFlags flags;
    private final JdbcTemplate jdbc;

    BookingKillSwitch(FeatureFlags flags, JdbcTemplate jdbc) {
        this.flags = flags;
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object command = unitOfWork.getMessage().getPayload();
        Optional<Integer> teamId = command instanceof RequestBooking c ? teamOfEventType(c.eventTypeId())
                : command instanceof BookSeat c ? teamOfBooking(c.uid())
                : command instanceof RescheduleBooking c ? teamOfBooking(c.uid())
                : Optional.empty();
        if (teamId.isPresent() && flags.teamHas(DISABLE_BOOKINGS, teamId.get())) {
            throw new AccessDenied("Bookings of team " + teamId.get() + "'s event types are turned off ("
                    + DISABLE_BOOKINGS + ")");
        }
        return chain.proceed();
    }

    /** A managed event type's child is its team's too: its parent names the team. */
    private Optional<Integer> teamOfEventType(int eventTypeId) {
        return jdbc.query("""
                select coalesce(e.team_id, p.team_id) from command_side.event_types e
                left join command_side.event_types p on p.event_type_id = e.parent_id
                where e.event_type_id = ?""", (rs, i) -> (Integer) rs.getObject(1), eventTypeId)
                .stream().filter(Objects::nonNull).findFirst();
    }

    private Optional<Integer> teamOfBooking(String uid) {
        return jdbc.query("select event_type_id from command_side.bookings where uid = ?",
                (rs, i) -> (Integer) rs.getObject(1), uid).stream()
                .filter(Objects::nonNull).findFirst().flatMap(this::teamOfEventType);
    }
}
