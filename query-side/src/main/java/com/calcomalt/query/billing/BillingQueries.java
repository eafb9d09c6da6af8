package com.calcomalt.query.billing;

import static com.calcomalt.platform.database.Timestamps.instant;

import com.calcomalt.contracts.billing.BillingPeriod;
import com.calcomalt.contracts.billing.BillingView;
import com.calcomalt.contracts.billing.FindBilling;
import com.calcomalt.contracts.billing.FindSeatChangeLog;
import com.calcomalt.contracts.billing.FindSeats;
import com.calcomalt.contracts.billing.SeatChangeLog;
import com.calcomalt.contracts.billing.SeatChangeView;
import com.calcomalt.contracts.billing.SeatView;
import com.calcomalt.contracts.billing.Seats;
import com.calcomalt.contracts.billing.SubscriptionStatus;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.query.identity.IdentityVisibility;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing rows, seats and the seat change log, read from cal.com's tables by a team's or
 * organization's admins and owners and by system admins. Whoever does not see the team gets a 404;
 * a member who sees it but does not run it a 403.
 */
@Component
@Transactional(readOnly = true)
class BillingQueries {

    private static final String BILLING_COLUMNS = """
            id, "teamId", "planName", status, "billingPeriod"::text, "pricePerSeat", "paidSeats", "subscriptionId",
            "subscriptionItemId", "customerId", "subscriptionStart", "subscriptionEnd", "subscriptionTrialEnd",
            "createdAt", "updatedAt\"""";

    private final JdbcTemplate jdbc;
    private final IdentityVisibility visibility;

    BillingQueries(JdbcTemplate jdbc, IdentityVisibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @QueryHandler
    Optional<BillingView> handle(FindBilling query) {
        requireRunsTeam(query.caller(), query.teamId());
        return billing(query.teamId());
    }

    @QueryHandler
    Seats handle(FindSeats query) {
        requireRunsTeam(query.caller(), query.orgId());
        var seats = jdbc.query("""
                select id, "orgId", "userId", "createdAt" from "Seat" where "orgId" = ? order by "createdAt", id""",
                (rs, i) -> new SeatView(rs.getInt(1), rs.getInt(2), rs.getInt(3), instant(rs, 4)), query.orgId());
        return new Seats(query.orgId(), billing(query.orgId()).map(BillingView::paidSeats).orElse(null), seats.size(),
                seats);
    }

    @QueryHandler
    SeatChangeLog handle(FindSeatChangeLog query) {
        requireRunsTeam(query.caller(), query.orgId());
        return new SeatChangeLog(jdbc.query("""
                select id, "teamId", "changeType"::text, "seatCount", "userId", "triggeredBy", "changeDate", "monthKey",
                       "teamBillingId", "organizationBillingId"
                from "SeatChangeLog" where "teamId" = ? and (?::text is null or "monthKey" = ?)
                order by "changeDate", "createdAt", id""", (rs, i) -> new SeatChangeView(rs.getString(1), rs.getInt(2),
                rs.getString(3), rs.getInt(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6), instant(rs, 7),
                rs.getString(8), rs.getString(9), rs.getString(10)), query.orgId(), query.monthKey(),
                query.monthKey()));
    }

    private Optional<BillingView> billing(int teamId) {
        return jdbc.query("""
                select %s, true from "OrganizationBilling" where "teamId" = ?
                union all select %s, false from "TeamBilling" where "teamId" = ?"""
                .formatted(BILLING_COLUMNS, BILLING_COLUMNS), (rs, i) -> new BillingView(rs.getString(1), rs.getInt(2),
                rs.getBoolean(16), rs.getString(3), SubscriptionStatus.valueOf(rs.getString(4)),
                rs.getString(5) == null ? null : BillingPeriod.valueOf(rs.getString(5)), (Integer) rs.getObject(6),
                (Integer) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getString(10), instant(rs, 11),
                instant(rs, 12), instant(rs, 13), instant(rs, 14), instant(rs, 15)), teamId, teamId)
                .stream().findFirst();
    }

    private void requireRunsTeam(Caller caller, int teamId) {
        if (!visibility.canSeeTeam(caller, teamId)) {
            throw new NotFound("No team " + teamId);
        }
        if (!visibility.runsTeam(caller, teamId)) {
            throw new AccessDenied("Only the admins and owners of team " + teamId + " read its billing and seats");
        }
    }
}
