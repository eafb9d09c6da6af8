package com.calcomalt.command.billing;

import com.calcomalt.command.features.FeatureFlags;
import com.calcomalt.contracts.billing.SeatBilling;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What Scheduling asks Billing, in the command's transaction: who holds a seat of the organization
 * that bills a team (the team itself when it is an organization or stands alone), while seat limits
 * hold there. A member without one neither becomes a host of the team's event types nor is booked
 * as one.
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

    /** Who holds a seat of the organization billing the team; empty when it is not seat-billed. */
    public Optional<Set<Integer>> holders(int teamId) {
        Integer billedTeam = jdbc.query("""
                select team_id, is_organization, parent_id from command_side.team_registry where team_id = ?""",
                (rs, i) -> SeatBilling.billedTeam(rs.getInt(1), rs.getBoolean(2), (Integer) rs.getObject(3)), teamId)
                .stream().findFirst().orElse(null);
        if (billedTeam == null || !SeatBilling.seatBilled(flags.organizationHas(SeatBilling.FLAG, billedTeam),
                billing.seats(billedTeam).isPresent())) {
            return Optional.empty();
        }
        return Optional.of(billing.holders(billedTeam));
    }

    /** Empty when the team is not seat-billed. */
    public Set<Integer> withoutSeat(int teamId, Collection<Integer> userIds) {
        return holders(teamId).map(holders -> {
            Set<Integer> seatless = new HashSet<>(userIds);
            seatless.removeAll(holders);
            return (Set<Integer>) seatless;
        }).orElse(Set.of());
    }
}
