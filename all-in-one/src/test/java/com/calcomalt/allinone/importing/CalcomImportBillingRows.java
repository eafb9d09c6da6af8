package com.calcomalt.allinone.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.billing.SeatBilling;
import com.calcomalt.contracts.features.CreateFeature;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.SetTeamFeature;
import com.calcomalt.contracts.features.UpdateFeature;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The source rows of CalcomImportTest for billing: organization 1's billing row with two seats and a change log row,
 * team 20's with one seat and a removal; then the rule breakers. Organization 1 has 50 accepted members, far more
 * than its seats: an import that seated them (SeatKeeper) would show as Seat rows cal.com has not.
 */
final class CalcomImportBillingRows {

    static final List<String> PLANTED = List.of(
            "TeamBilling\ttb-org\tteam 1 is an organization: its billing is an OrganizationBilling row",
            "OrganizationBilling\tob-lost\tteam 30 is not imported",
            "Seat\t7004\tuser 6 is no imported member of team 1",
            "Seat\t7005\tteam 2 has no imported billing row to bill it on",
            "SeatChangeLog\tscl-lost\tteam 30 is not imported",
            "SeatChangeLog\tscl-ghost\tuser 888 is not imported");

    static final String IMPORTED = "TeamBilling=1, OrganizationBilling=1, Seat=3, SeatChangeLog=2";

    static final String[] COMPARED = {
        String.format("%-14s source %d rows, target %d rows, 0 differences (%d of reported rows)",
                "TeamBilling", 2, 1, 1),
        String.format("%-14s source %d rows, target %d rows, 0 differences (%d of reported rows)",
                "OrganizationBilling", 2, 1, 1),
        String.format("%-14s source %d rows, target %d rows, 0 differences (%d of reported rows)",
                "Seat", 5, 3, 2),
        String.format("%-14s source %d rows, target %d rows, 0 differences (%d of reported rows)",
                "SeatChangeLog", 4, 2, 2)};

    private CalcomImportBillingRows() {
    }

    static void fill(JdbcTemplate db) {
        db.execute("""
                insert into "TeamBilling" (id, "teamId", "subscriptionId", "subscriptionItemId", "customerId", status,
                        "planName", "createdAt", "updatedAt", "subscriptionStart", "subscriptionEnd",
                        "subscriptionTrialEnd", "billingPeriod", "pricePerSeat", "paidSeats")
                values ('tb-20', 20, 'sub_tb20', 'si_tb20', 'cus_tb20', 'ACTIVE', 'TEAM', now() - interval '60 days',
                        now() - interval '3 days', now() - interval '60 days', null, now() - interval '46 days',
                        'MONTHLY', 1500, 5),
                       ('tb-org', 1, 'sub_tborg', 'si_tborg', 'cus_tborg', 'ACTIVE', 'TEAM', now(), now(), null, null,
                        null, null, null, null);
                insert into "OrganizationBilling" (id, "teamId", "subscriptionId", "subscriptionItemId", "customerId",
                        status, "planName", "createdAt", "updatedAt", "subscriptionStart", "subscriptionEnd",
                        "subscriptionTrialEnd", "billingPeriod", "pricePerSeat", "paidSeats")
                values ('ob-1', 1, 'sub_ob1', 'si_ob1', 'cus_ob1', 'ACTIVE', 'ORGANIZATION',
                        now() - interval '90 days', now() - interval '10 days', now() - interval '90 days',
                        now() + interval '275 days', null, 'ANNUALLY', 3700, 40),
                       ('ob-lost', 30, 'sub_oblost', 'si_oblost', 'cus_oblost', 'PAST_DUE', 'ORGANIZATION', now(),
                        now(), null, null, null, null, null, null);
                insert into "Seat" (id, "orgId", "userId", "createdAt")
                values (7001, 1, 23, now() - interval '80 days'), (7002, 1, 29, now() - interval '50 days'),
                       (7003, 20, 16, now() - interval '55 days'), (7004, 1, 6, now() - interval '40 days'),
                       (7005, 2, 4, now() - interval '40 days');
                insert into "SeatChangeLog" (id, "teamId", "changeType", "seatCount", "userId", "triggeredBy",
                        "changeDate", "monthKey", "processedInProrationId", metadata, "createdAt", "teamBillingId",
                        "organizationBillingId")
                values ('scl-1', 1, 'ADDITION', 2, 23, 23, now() - interval '50 days', '2026-10', 'pr-1',
                        '{"source": "invite"}', now() - interval '50 days', null, 'ob-1'),
                       ('scl-2', 20, 'REMOVAL', 1, 16, null, now() - interval '20 days', '2026-11', null, null,
                        now() - interval '20 days', 'tb-20', null),
                       ('scl-lost', 30, 'ADDITION', 1, 4, null, now(), '2026-12', null, null, now(), null, null),
                       ('scl-ghost', 20, 'ADDITION', 1, 888, 16, now(), '2026-12', null, '{}', now(), 'tb-20', null);
                """);
    }

    /**
     * The imported rows are the teams' as natively set ones are: read back, changed by a new command that keeps
     * cal.com's row id, and a new seat takes an id after cal.com's.
     */
    static void stillWork(ConfigurableApplicationContext context, String adminKey, IdAllocator ids,
                          CommandGateway commands) throws Exception {
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> seats = send(http, base, adminKey, "GET", "/v2/teams/1/seats", null);
        assertThat(seats.statusCode()).as(seats.body()).isEqualTo(200);
        assertThat(seats.body()).contains("7001", "7002").doesNotContain("7004");

        HttpResponse<String> changed = send(http, base, adminKey, "PATCH", "/v2/teams/20/billing/status",
                "{\"status\": \"PAST_DUE\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        HttpResponse<String> set = send(http, base, adminKey, "PUT", "/v2/teams/1/billing", """
                {"planName": "ORGANIZATION", "status": "ACTIVE", "billingPeriod": "ANNUALLY", "pricePerSeat": 3700,
                 "paidSeats": 45, "subscriptionId": "sub_ob1", "subscriptionItemId": "si_ob1",
                 "customerId": "cus_ob1"}""");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JdbcTemplate target = context.getBean(JdbcTemplate.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(target.queryForObject("select status from \"TeamBilling\" where id = 'tb-20'",
                    String.class)).isEqualTo("PAST_DUE");
            assertThat(target.queryForList("select id || '/' || \"paidSeats\" from \"OrganizationBilling\"",
                    String.class)).as("cal.com's row id is kept").containsExactly("ob-1/45");
        });
        assertThat(ids.next("Seat")).as("a new seat takes an id after cal.com's").isGreaterThan(7005);

        // Seat billing comes into force: organization 1's waiting members fill its 45 paid seats with new ids; team
        // 20, past due, seats no one.
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateFeature(SeatBilling.FLAG, true, null,
                FeatureType.OPERATIONAL)).andMetaData(CallerMetaData.of(new Caller(1, true, null))));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new SetTeamFeature(1, SeatBilling.FLAG, true))
                .andMetaData(CallerMetaData.of(new Caller(1, true, null))));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(target.queryForObject("select count(*) from \"Seat\" where \"orgId\" = 1", Integer.class))
                    .isEqualTo(45);
            assertThat(target.queryForObject("""
                    select min(id) from "Seat" where "orgId" = 1 and id not in (7001, 7002)""", Integer.class))
                    .isGreaterThan(7005);
            assertThat(target.queryForObject("select count(*) from \"Seat\" where \"orgId\" = 20", Integer.class))
                    .isEqualTo(1);
        });
        // Off again, so the checks after this one book hosts of organization 1 as before.
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new UpdateFeature(SeatBilling.FLAG, false, null,
                null, null)).andMetaData(CallerMetaData.of(new Caller(1, true, null))));
    }

    private static HttpResponse<String> send(HttpClient http, String base, String key, String method, String path,
                                             String body) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
