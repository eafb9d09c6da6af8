package com.calcomalt.query.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.billing.BillingIds;
import com.calcomalt.contracts.billing.BillingPeriod;
import com.calcomalt.contracts.billing.BillingSet;
import com.calcomalt.contracts.billing.BillingStatusChanged;
import com.calcomalt.contracts.billing.SeatReleased;
import com.calcomalt.contracts.billing.SeatTaken;
import com.calcomalt.contracts.billing.SubscriptionStatus;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.query.support.QuerySideTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Billing and seat events through the event store and the real processor into the four tables, and again on a replay. */
class BillingProjectorsTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2026-03-31T23:59:59.250Z");
    private static final Instant T1 = Instant.parse("2026-04-01T00:00:00.500Z");
    private static final Instant T2 = Instant.parse("2026-04-02T10:00:01.750Z");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private int user() {
        int userId = uniqueId();
        publish("User", "user:" + userId, new UserRegistered(userId, UUID.randomUUID(), "b" + userId + "@example.com",
                "b" + userId, null, "UTC", "Monday", "en", 24, IdentityProvider.CAL, null, CreationSource.api_v2, T0));
        return userId;
    }

    private int team(int owner, boolean organization) {
        int teamId = uniqueId();
        publish("Team", "team:" + teamId, new TeamCreated(teamId, "Team", "team-" + teamId, null, organization,
                new TeamSettings(null, false, false, null, null, null, null, null, null, null, null, null, "UTC",
                        "Monday", false, null, null, false, RRResetInterval.MONTH, RRTimestampBasis.CREATED_AT, false),
                owner, T0));
        return teamId;
    }

    private BillingSet billing(int teamId, boolean organization, Integer paidSeats) {
        return new BillingSet(teamId, organization, BillingIds.billingRowId(teamId), "sub_" + teamId, "si_" + teamId,
                "cus_" + teamId, SubscriptionStatus.ACTIVE, organization ? "ORGANIZATION" : "TEAM",
                BillingPeriod.MONTHLY, 3700, paidSeats, START, null, null, T0, T0);
    }

    private List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.queryForList(sql, args);
    }

    private List<String> rows(String table) {
        return jdbc.queryForList("select t::text from \"" + table + "\" t order by 1", String.class);
    }

    @Test
    void billing_rows_go_to_their_own_table_column_for_column_and_follow_the_status() {
        int owner = user();
        int org = team(owner, true);
        int team = team(owner, false);
        publish("Billing", BillingIds.billing(org), billing(org, true, 2),
                new BillingStatusChanged(org, true, BillingIds.billingRowId(org), SubscriptionStatus.PAST_DUE, T1));
        publish("Billing", BillingIds.billing(team), billing(team, false, null));
        awaitProjectionsCaughtUp();

        assertThat(rows("""
                select id, "subscriptionId", "subscriptionItemId", "customerId", status, "planName",
                       "createdAt"::text as created, "updatedAt"::text as updated, "subscriptionStart"::text as start,
                       "subscriptionEnd", "subscriptionTrialEnd", "billingPeriod"::text as period, "pricePerSeat",
                       "paidSeats"
                from "OrganizationBilling" where "teamId" = ?""", org)).containsExactly(expectedOrgRow(org));
        assertThat(rows("select \"teamId\" from \"TeamBilling\" where \"teamId\" in (?, ?)", org, team))
                .containsExactly(Map.of("teamId", team));
        assertThat(rows("select \"paidSeats\" from \"TeamBilling\" where \"teamId\" = ?", team))
                .containsExactly(Collections.singletonMap("paidSeats", null));
    }

    private static Map<String, Object> expectedOrgRow(int org) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", BillingIds.billingRowId(org));
        row.put("subscriptionId", "sub_" + org);
        row.put("subscriptionItemId", "si_" + org);
        row.put("customerId", "cus_" + org);
        row.put("status", "PAST_DUE");
        row.put("planName", "ORGANIZATION");
        row.put("created", "2026-03-31 23:59:59.25");
        row.put("updated", "2026-04-01 00:00:00.5");
        row.put("start", "2026-01-01 00:00:00");
        row.put("subscriptionEnd", null);
        row.put("subscriptionTrialEnd", null);
        row.put("period", "MONTHLY");
        row.put("pricePerSeat", 3700);
        row.put("paidSeats", 2);
        return row;
    }

    @Test
    void seats_and_their_change_log_follow_takes_and_releases_and_a_replay_rebuilds_all_four_tables_identically() {
        int owner = user();
        int ann = user();
        int bob = user();
        int org = team(owner, true);
        String row = BillingIds.billingRowId(org);
        int annSeat = uniqueId();
        int bobSeat = uniqueId();
        publish("Billing", BillingIds.billing(org), billing(org, true, 2));
        publish("Seat", BillingIds.seat(org, ann), new SeatTaken(annSeat, org, ann, true, row, ann, T0),
                new SeatReleased(annSeat, org, ann, true, row, owner, T2));
        publish("Seat", BillingIds.seat(org, bob), new SeatTaken(bobSeat, org, bob, true, row, owner, T1));
        awaitProjectionsCaughtUp();

        assertThat(rows("select id, \"orgId\", \"userId\", \"createdAt\"::text as created from \"Seat\" where \"orgId\" = ?",
                org)).containsExactly(Map.of("id", bobSeat, "orgId", org, "userId", bob,
                "created", "2026-04-01 00:00:00.5"));
        assertThat(rows("""
                select "changeType"::text as type, "seatCount", "userId", "triggeredBy", "changeDate"::text as date,
                       "monthKey", "createdAt"::text as created, metadata::text as metadata,
                       "processedInProrationId", "teamBillingId", "organizationBillingId"
                from "SeatChangeLog" where "teamId" = ? order by "changeDate\"""", org))
                .extracting(r -> List.of(r.get("type"), r.get("seatCount"), r.get("userId"), r.get("triggeredBy"),
                        r.get("date"), r.get("monthKey"), r.get("created"), r.get("metadata"),
                        String.valueOf(r.get("processedInProrationId")), String.valueOf(r.get("teamBillingId")),
                        r.get("organizationBillingId")))
                .containsExactly(
                        List.of("ADDITION", 1, ann, ann, "2026-03-31 23:59:59.25", "2026-03", "2026-03-31 23:59:59.25",
                                "{}", "null", "null", row),
                        List.of("ADDITION", 1, bob, owner, "2026-04-01 00:00:00.5", "2026-04", "2026-04-01 00:00:00.5",
                                "{}", "null", "null", row),
                        List.of("REMOVAL", 1, ann, owner, "2026-04-02 10:00:01.75", "2026-04", "2026-04-02 10:00:01.75",
                                "{}", "null", "null", row));

        Map<String, List<String>> before = new LinkedHashMap<>();
        for (String table : List.of("OrganizationBilling", "TeamBilling", "Seat", "SeatChangeLog")) {
            before.put(table, rows(table));
        }
        projections.replayAll();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rows("SeatChangeLog").size() == before.get("SeatChangeLog").size());
        awaitProjectionsCaughtUp();

        before.forEach((table, rows) -> assertThat(rows(table)).as(table).containsExactlyElementsOf(rows));
    }

    /** A back-fill takes several seats in one instant, triggered by who started billing or by no user at all. */
    @Test
    void seats_filled_when_seat_billing_starts_are_each_logged_and_rebuilt_identically() {
        int owner = user();
        int ann = user();
        int admin = user();
        int org = team(owner, true);
        String row = BillingIds.billingRowId(org);
        int ownerSeat = uniqueId();
        int annSeat = uniqueId();
        publish("Billing", BillingIds.billing(org), billing(org, true, 5));
        publish("Seat", BillingIds.seat(org, owner), new SeatTaken(ownerSeat, org, owner, true, row, admin, T1));
        publish("Seat", BillingIds.seat(org, ann), new SeatTaken(annSeat, org, ann, true, row, null, T1));
        awaitProjectionsCaughtUp();

        assertThat(rows("select id, \"userId\" from \"Seat\" where \"orgId\" = ? order by id", org))
                .containsExactly(Map.of("id", ownerSeat, "userId", owner), Map.of("id", annSeat, "userId", ann));
        assertThat(rows("""
                select "userId", "triggeredBy", "changeDate"::text as date, "monthKey" from "SeatChangeLog"
                where "teamId" = ? and "changeType" = 'ADDITION' order by "userId\"""", org))
                .extracting(r -> java.util.Arrays.asList(r.get("userId"), r.get("triggeredBy"), r.get("date"),
                        r.get("monthKey")))
                .containsExactly(java.util.Arrays.asList(owner, admin, "2026-04-01 00:00:00.5", "2026-04"),
                        java.util.Arrays.asList(ann, null, "2026-04-01 00:00:00.5", "2026-04"));

        List<String> seats = rows("Seat");
        List<String> log = rows("SeatChangeLog");
        projections.replayAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("SeatChangeLog").size() == log.size());
        awaitProjectionsCaughtUp();
        assertThat(rows("Seat")).containsExactlyElementsOf(seats);
        assertThat(rows("SeatChangeLog")).containsExactlyElementsOf(log);
    }
}
