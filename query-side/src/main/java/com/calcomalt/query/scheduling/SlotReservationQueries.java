package com.calcomalt.query.scheduling;

import static com.calcomalt.platform.database.Timestamps.utc;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.FindSlotReservation;
import com.calcomalt.contracts.scheduling.SlotReservationView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Held slots, seen by whoever may release them as the command side decides it: the user who holds
 * the slot (with any of their keys) and system admins.
 */
@Component
@Transactional(readOnly = true)
class SlotReservationQueries {

    private final JdbcTemplate jdbc;

    SlotReservationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<SlotReservationView> handle(FindSlotReservation query) {
        Caller caller = query.caller();
        return jdbc.query("""
                select uid, "eventTypeId", "slotUtcStartDate", "slotUtcEndDate", "releaseAt" from "SelectedSlots"
                where uid = ? and (? or "userId" = ?)""", (rs, i) -> {
                    Instant start = utc(rs.getObject(3, LocalDateTime.class));
                    Instant end = utc(rs.getObject(4, LocalDateTime.class));
                    return new SlotReservationView(rs.getString(1), rs.getInt(2), start, end,
                            (int) Duration.between(start, end).toMinutes(), utc(rs.getObject(5, LocalDateTime.class)));
                }, query.uid(), caller.systemAdmin(), caller.userId()).stream().findFirst();
    }
}
