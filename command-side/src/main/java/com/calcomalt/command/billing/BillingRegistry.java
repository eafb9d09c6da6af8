package com.calcomalt.command.billing;

import com.calcomalt.contracts.billing.BillingSet;
import com.calcomalt.contracts.billing.BillingStatusChanged;
import com.calcomalt.contracts.billing.SeatReleased;
import com.calcomalt.contracts.billing.SeatTaken;
import com.calcomalt.contracts.billing.SubscriptionStatus;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.platform.domain.DomainConflict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Billing rows and seats on the command side, written in the transaction that appends their events.
 * The seat limit is claimed here, on the billing row's lock: of concurrent accepts for the last seat
 * one commits, and the others find no seat left and are refused whole. Seats are decided on the
 * team's lock first (its team_registry row, which membership changes lock too), then the billing
 * row's, always in that order. It handles the billing events before {@link SeatKeeper}, which fills
 * the seats of the row written here.
 */
@Component
@ProcessingGroup("identity-registry")
@Order(0)
class BillingRegistry {

    private final JdbcTemplate jdbc;

    BillingRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SeatFacts> seats(int orgId) {
        return jdbc.query("""
                select billing_id, organization, status, paid_seats, seats_taken from command_side.billing
                where team_id = ?""", (rs, i) -> new SeatFacts(orgId, rs.getString(1), rs.getBoolean(2),
                SubscriptionStatus.valueOf(rs.getString(3)), (Integer) rs.getObject(4), rs.getInt(5)), orgId)
                .stream().findFirst();
    }

    Set<Integer> holders(int orgId) {
        return Set.copyOf(jdbc.queryForList("select user_id from command_side.seats where org_id = ?", Integer.class,
                orgId));
    }

    List<Integer> billedTeams() {
        return jdbc.queryForList("select team_id from command_side.billing order by team_id", Integer.class);
    }

    /** Serializes seat decisions for a team with its membership changes, which lock the same row. */
    void lockTeam(int teamId) {
        jdbc.query("select team_id from command_side.team_registry where team_id = ? for update",
                (rs, i) -> rs.getInt(1), teamId);
    }

    boolean holdsSeat(int orgId, int userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from command_side.seats where org_id = ? and user_id = ?)",
                Boolean.class, orgId, userId));
    }

    @EventHandler
    void on(BillingSet event) {
        lockTeam(event.teamId());
        try {
            jdbc.update("""
                    insert into command_side.billing (team_id, billing_id, organization, subscription_id, status,
                                                      paid_seats)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (team_id) do update set subscription_id = excluded.subscription_id,
                        status = excluded.status, paid_seats = excluded.paid_seats""",
                    event.teamId(), event.billingId(), event.organization(), event.subscriptionId(),
                    event.status().name(), event.paidSeats());
        } catch (DuplicateKeyException e) {
            throw new DomainConflict("Subscription " + event.subscriptionId() + " bills another team already");
        }
    }

    @EventHandler
    void on(BillingStatusChanged event) {
        lockTeam(event.teamId());
        jdbc.update("update command_side.billing set status = ? where team_id = ?", event.status().name(),
                event.teamId());
    }

    /**
     * The claim: a seat is taken only while one is left and the subscription adds seats. An imported seat was
     * held in cal.com and is counted as it is, even beyond what its row pays for now.
     */
    @EventHandler
    void on(SeatTaken event, @MetaDataValue(SeatKeeper.IMPORTED) String imported) {
        int claimed = jdbc.update("""
                update command_side.billing set seats_taken = seats_taken + 1
                where team_id = ? and (? or status in ('ACTIVE', 'TRIALING')
                  and (paid_seats is null or seats_taken < paid_seats))""", event.orgId(), imported != null);
        if (claimed == 0) {
            throw SeatLimitReached.refusedBy(seats(event.orgId()).orElseThrow());
        }
        jdbc.update("insert into command_side.seats (org_id, user_id) values (?, ?)", event.orgId(), event.userId());
    }

    @EventHandler
    void on(SeatReleased event) {
        jdbc.update("update command_side.billing set seats_taken = seats_taken - 1 where team_id = ?", event.orgId());
        jdbc.update("delete from command_side.seats where org_id = ? and user_id = ?", event.orgId(), event.userId());
    }

    /** cal.com deletes a team's billing rows and seats with it (ON DELETE CASCADE). */
    @EventHandler
    void on(TeamDeleted event) {
        jdbc.update("delete from command_side.seats where org_id = ?", event.teamId());
        jdbc.update("delete from command_side.billing where team_id = ?", event.teamId());
    }
}
