package com.calcomalt.command.billing;

import com.calcomalt.command.features.FeatureFlags;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What Scheduling asks Billing, in the command's transaction: which of a team's members hold no seat
 * of the organization that bills it (the team itself when it is an organization or stands alone),
 * while seat limits hold there. Such a member cannot host the team's event types.
 */
@Component
public class SeatHolders {

    private final JdbcTemplate jdbc;
    private final BillingRegistry billing;
    private final FeatureFlags flags;

    SeatHolders(JdbcTemplate jdbc, BillingRegistry billing, FeatureFlags flags) {
        this.jdbc = jdbc;
        this.billing = billing;
        this.flags = flags;
    }

    /** Empty when the team is not seat-billed. */
    public Set<Integer> withoutSeat(int teamId, Collection<Integer> userIds) {
        Integer billedTeam = jdbc.query("""
                select case when is_organization or parent_id is null then team_id else parent_id end
                from command_side.team_registry where team_id = ?""", (rs, i) -> rs.getInt(1), teamId)
                .stream().findFirst().orElse(null);
        if (billedTeam == null || userIds.isEmpty() || !flags.organizationHas(SeatKeeper.SEAT_BILLING, billedTeam)
                || billing.seats(billedTeam).isEmpty()) {
            return Set.of();
        }
        Set<Integer> seatless = new HashSet<>(userIds);
        seatless.removeAll(jdbc.queryForList("select user_id from command_side.seats where org_id = ?",
                Integer.class, billedTeam));
        return seatless;
    }
}
