package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.integer;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.billing.BillingIds;
import com.calcomalt.contracts.billing.BillingPeriod;
import com.calcomalt.contracts.billing.BillingSet;
import com.calcomalt.contracts.billing.SeatChangeImported;
import com.calcomalt.contracts.billing.SeatTaken;
import com.calcomalt.contracts.billing.SubscriptionStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's billing rows, seats and seat change log. A billing row is its {@code BillingSet} whole, a seat the
 * {@code SeatTaken} of its member with cal.com's id and time, a change log row a {@code SeatChangeImported} with
 * all its columns. All are tagged imported, so Billing's SeatKeeper seats no one for them (cal.com's Seat rows
 * say who holds one) and the change log projector writes no row of its own for an imported seat.
 */
@Component
@Order(150)
class BillingImport implements ImportSection {

    /** A team's billing row as imported: the seats of the team are billed on it. */
    private record Row(String id, boolean organization) {
    }

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        Map<Integer, Row> billed = new HashMap<>();
        billing(source, imported, "TeamBilling", false, billed, events, breaks);
        billing(source, imported, "OrganizationBilling", true, billed, events, breaks);
        int billingRows = events.size();
        Set<String> seatKeys = new HashSet<>();
        each(source, "select * from \"Seat\" order by id", row -> {
            int id = row.getInt("id");
            int orgId = row.getInt("orgId");
            int userId = row.getInt("userId");
            Row billing = billed.get(orgId);
            if (!imported.membershipIds().containsKey(userId + "/" + orgId)) {
                breaks.add(new RuleBreak("Seat", id, "user " + userId + " is no imported member of team " + orgId));
            } else if (billing == null) {
                breaks.add(new RuleBreak("Seat", id, "team " + orgId + " has no imported billing row to bill it on"));
            } else if (seatKeys.add(BillingIds.seat(orgId, userId))) {
                events.add(new Pending("Seat", BillingIds.seat(orgId, userId), new SeatTaken(id, orgId, userId,
                        billing.organization(), billing.id(), null, instant(row.getTimestamp("createdAt"))),
                        instant(row.getTimestamp("createdAt"))));
            }
        });
        int seats = events.size() - billingRows;
        Set<String> billingIds = new HashSet<>();
        billed.values().forEach(row -> billingIds.add(row.id()));
        int[] logs = {0};
        each(source, "select *, metadata::text as metadata_text from \"SeatChangeLog\" order by id", row -> {
            String id = row.getString("id");
            int teamId = row.getInt("teamId");
            Integer userId = integer(row, "userId");
            String teamBillingId = row.getString("teamBillingId");
            String organizationBillingId = row.getString("organizationBillingId");
            String rule = null;
            if (!imported.teamIds().contains(teamId)) {
                rule = "team " + teamId + " is not imported";
            } else if (userId != null && !imported.userRegisteredAt().containsKey(userId)) {
                rule = "user " + userId + " is not imported";
            } else if (teamBillingId != null && !billingIds.contains(teamBillingId)
                    || organizationBillingId != null && !billingIds.contains(organizationBillingId)) {
                rule = "its billing row " + (teamBillingId != null ? teamBillingId : organizationBillingId)
                        + " is not imported";
            }
            if (rule != null) {
                breaks.add(new RuleBreak("SeatChangeLog", id, rule));
                return;
            }
            events.add(new Pending("Billing", BillingIds.billing(teamId), new SeatChangeImported(id, teamId,
                    row.getString("changeType"), row.getInt("seatCount"), userId, integer(row, "triggeredBy"),
                    instant(row.getTimestamp("changeDate")), row.getString("monthKey"),
                    row.getString("processedInProrationId"), row.getString("metadata_text"),
                    instant(row.getTimestamp("createdAt")), teamBillingId, organizationBillingId),
                    instant(row.getTimestamp("changeDate"))));
            logs[0]++;
        });
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("TeamBilling", (int) billed.values().stream().filter(row -> !row.organization()).count());
        rows.put("OrganizationBilling", (int) billed.values().stream().filter(Row::organization).count());
        rows.put("Seat", seats);
        rows.put("SeatChangeLog", logs[0]);
        return new Result(rows, events, breaks, List.of(), Map.of("Seat", SectionRows.maxId(source, "Seat")));
    }

    /**
     * A billing row names a team imported, of its kind: cal.com keeps an organization's in OrganizationBilling and
     * any other team's in TeamBilling, and one row per team.
     */
    private static void billing(Connection source, Imported imported, String table, boolean organization,
                                Map<Integer, Row> billed, List<Pending> events, List<RuleBreak> breaks)
            throws SQLException {
        each(source, "select * from \"" + table + "\" order by id", row -> {
            String id = row.getString("id");
            int teamId = row.getInt("teamId");
            String status = row.getString("status");
            String period = row.getString("billingPeriod");
            String rule = null;
            if (!imported.teamIds().contains(teamId)) {
                rule = "team " + teamId + " is not imported";
            } else if (imported.organizationIds().contains(teamId) != organization) {
                rule = "team " + teamId + (organization ? " is no organization: its billing is a TeamBilling row"
                        : " is an organization: its billing is an OrganizationBilling row");
            } else if (billed.containsKey(teamId)) {
                rule = "team " + teamId + " has another billing row";
            } else if (Arrays.stream(SubscriptionStatus.values()).noneMatch(known -> known.name().equals(status))) {
                rule = "status " + status + " is not one of " + Arrays.toString(SubscriptionStatus.values());
            }
            if (rule != null) {
                breaks.add(new RuleBreak(table, id, rule));
                return;
            }
            billed.put(teamId, new Row(id, organization));
            events.add(new Pending("Billing", BillingIds.billing(teamId), new BillingSet(teamId, organization, id,
                    row.getString("subscriptionId"), row.getString("subscriptionItemId"),
                    row.getString("customerId"), SubscriptionStatus.valueOf(status), row.getString("planName"),
                    period == null ? null : BillingPeriod.valueOf(period), integer(row, "pricePerSeat"),
                    integer(row, "paidSeats"), instant(row.getTimestamp("subscriptionStart")),
                    instant(row.getTimestamp("subscriptionEnd")), instant(row.getTimestamp("subscriptionTrialEnd")),
                    instant(row.getTimestamp("createdAt")), instant(row.getTimestamp("updatedAt"))),
                    instant(row.getTimestamp("createdAt"))));
        });
    }
}
