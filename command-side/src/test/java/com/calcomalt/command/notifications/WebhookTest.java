package com.calcomalt.command.notifications;

import static com.calcomalt.command.support.CallerCommands.as;
import static com.calcomalt.contracts.notifications.WebhookTriggerEvent.BOOKING_CANCELLED;
import static com.calcomalt.contracts.notifications.WebhookTriggerEvent.BOOKING_CREATED;
import static com.calcomalt.contracts.notifications.WebhookTriggerEvent.MEETING_ENDED;
import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.notifications.ActivateWebhook;
import com.calcomalt.contracts.notifications.CreateWebhook;
import com.calcomalt.contracts.notifications.DeactivateWebhook;
import com.calcomalt.contracts.notifications.DeleteWebhook;
import com.calcomalt.contracts.notifications.TimeUnit;
import com.calcomalt.contracts.notifications.UpdateWebhook;
import com.calcomalt.contracts.notifications.WebhookActivated;
import com.calcomalt.contracts.notifications.WebhookCreated;
import com.calcomalt.contracts.notifications.WebhookDeactivated;
import com.calcomalt.contracts.notifications.WebhookDeleted;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.contracts.notifications.WebhookView;
import com.calcomalt.contracts.notifications.WebhookUpdated;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");
    private static final String ID = "wh-1";
    private static final String URL = "https://hooks.example.com/cal";
    private static final int TEAM = 10;
    private static final int EVENT_TYPE = 70;
    /** The web layer seals secrets before the command; to the aggregate they are opaque text. */
    private static final String SEALED = "v1:c2VhbGVkIHMzY3JldA==";
    private static final String RESEALED = "v1:YW5vdGhlciBzZWFsZWQgc2VjcmV0";

    private static final Caller ANN = new Caller(1, false, null);
    private static final Caller BOB = new Caller(2, false, null);
    private static final Caller ADMIN = new Caller(99, true, null);

    private AggregateTestFixture<Webhook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Webhook.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MetaData inTeam(Caller caller, MembershipRole role) {
        return as(caller).and(IdentityCommandFacts.ACCESS,
                new TeamAccess(caller, TEAM, false, null, role, role != null, null));
    }

    private static MetaData ofEventType(Caller caller, Integer ownerUserId, Integer ownerTeamId, MembershipRole role) {
        MetaData metaData = as(caller).and(Webhook.EVENT_TYPE_OWNER, new Webhook.EventTypeOwner(ownerUserId, ownerTeamId));
        return ownerTeamId == null ? metaData : metaData.and(IdentityCommandFacts.ACCESS,
                new TeamAccess(caller, ownerTeamId, false, null, role, role != null, null));
    }

    private static CreateWebhook forUser(int userId, String url, List<WebhookTriggerEvent> triggers) {
        return new CreateWebhook(ID, userId, null, null, url, triggers, SEALED, true, null, null, null);
    }

    private static WebhookCreated annsCreated() {
        return new WebhookCreated(ID, ANN.userId(), null, null, URL, List.of(BOOKING_CREATED), SEALED, true, null,
                null, null, EARLIER);
    }

    private static WebhookCreated teamsCreated() {
        return new WebhookCreated(ID, null, TEAM, null, URL, List.of(BOOKING_CREATED), null, true, null, null, null,
                EARLIER);
    }

    // ================================================================ create

    @Test
    void a_user_subscribes_a_url_to_their_bookings() {
        fixture.givenNoPriorActivity()
                .when(forUser(ANN.userId(), URL, List.of(BOOKING_CREATED, BOOKING_CANCELLED, BOOKING_CREATED)), as(ANN))
                .expectEvents(new WebhookCreated(ID, ANN.userId(), null, null, URL,
                        List.of(BOOKING_CREATED, BOOKING_CANCELLED), SEALED, true, null, null, null, NOW))
                .expectResultMessagePayload(new WebhookView(ID, ANN.userId(), null, null, URL,
                        List.of(BOOKING_CREATED, BOOKING_CANCELLED), true, null, true, null, null, NOW));
    }

    @Test
    void a_webhook_for_someone_else_is_refused() {
        fixture.givenNoPriorActivity()
                .when(forUser(ANN.userId(), URL, List.of(BOOKING_CREATED)), as(BOB))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_system_admin_subscribes_for_anyone() {
        fixture.givenNoPriorActivity()
                .when(forUser(ANN.userId(), URL, List.of(BOOKING_CREATED)), as(ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_relative_url_is_refused() {
        fixture.givenNoPriorActivity()
                .when(forUser(ANN.userId(), "/hooks/cal", List.of(BOOKING_CREATED)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A subscriber URL is an absolute http(s) URL, not /hooks/cal");
    }

    @Test
    void a_url_of_another_scheme_is_refused() {
        fixture.givenNoPriorActivity()
                .when(forUser(ANN.userId(), "ftp://hooks.example.com/cal", List.of(BOOKING_CREATED)), as(ANN))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void a_url_that_is_no_url_is_refused() {
        fixture.givenNoPriorActivity()
                .when(forUser(ANN.userId(), "http://exa mple.com", List.of(BOOKING_CREATED)), as(ANN))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void a_webhook_without_triggers_is_refused() {
        fixture.givenNoPriorActivity()
                .when(forUser(ANN.userId(), URL, List.of()), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A webhook listens to at least one trigger");
    }

    @Test
    void a_webhook_of_two_owners_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhook(ID, ANN.userId(), TEAM, null, URL, List.of(BOOKING_CREATED), null, true, null,
                        null, null), inTeam(ANN, MembershipRole.OWNER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A webhook belongs to one user, one team or one event type");
    }

    @Test
    void time_without_a_unit_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhook(ID, ANN.userId(), null, null, URL, List.of(MEETING_ENDED), null, true, null,
                        5, null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("time and timeUnit go together");
    }

    @Test
    void a_no_show_trigger_without_a_time_is_refused() {
        fixture.givenNoPriorActivity()
                .when(forUser(ANN.userId(), URL, List.of(WebhookTriggerEvent.AFTER_GUESTS_CAL_VIDEO_NO_SHOW)), as(ANN))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void a_team_admin_subscribes_a_url_to_the_teams_bookings() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhook(ID, null, TEAM, null, URL, List.of(BOOKING_CREATED), "", true, null, 30,
                        TimeUnit.minute), inTeam(ANN, MembershipRole.ADMIN))
                .expectEvents(new WebhookCreated(ID, null, TEAM, null, URL, List.of(BOOKING_CREATED), null, true,
                        null, 30, TimeUnit.minute, NOW));
    }

    @Test
    void a_plain_team_member_may_not_subscribe_for_the_team() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhook(ID, null, TEAM, null, URL, List.of(BOOKING_CREATED), null, true, null, null,
                        null), inTeam(BOB, MembershipRole.MEMBER))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_webhook_for_a_team_that_does_not_exist_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhook(ID, null, TEAM, null, URL, List.of(BOOKING_CREATED), null, true, null, null,
                        null), as(ANN))
                .expectException(NotFound.class);
    }

    @Test
    void the_owner_of_an_event_type_subscribes_to_its_bookings() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhook(ID, null, null, EVENT_TYPE, URL, List.of(BOOKING_CREATED), null, false,
                        "{\"t\":\"{{title}}\"}", null, null), ofEventType(ANN, ANN.userId(), null, null))
                .expectEvents(new WebhookCreated(ID, null, null, EVENT_TYPE, URL, List.of(BOOKING_CREATED), null,
                        false, "{\"t\":\"{{title}}\"}", null, null, NOW));
    }

    @Test
    void someone_else_may_not_subscribe_to_a_personal_event_type() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhook(ID, null, null, EVENT_TYPE, URL, List.of(BOOKING_CREATED), null, true, null,
                        null, null), ofEventType(BOB, ANN.userId(), null, null))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_team_admin_subscribes_to_a_team_event_type_but_a_member_may_not() {
        CreateWebhook create = new CreateWebhook(ID, null, null, EVENT_TYPE, URL, List.of(BOOKING_CREATED), null,
                true, null, null, null);
        fixture.givenNoPriorActivity()
                .when(create, ofEventType(ANN, null, TEAM, MembershipRole.OWNER))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(create, ofEventType(BOB, null, TEAM, MembershipRole.MEMBER))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_webhook_for_an_event_type_that_does_not_exist_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhook(ID, null, null, EVENT_TYPE, URL, List.of(BOOKING_CREATED), null, true, null,
                        null, null), as(ANN))
                .expectException(NotFound.class)
                .expectExceptionMessage("No event type " + EVENT_TYPE);
    }

    // ================================================================ update

    @Test
    void an_update_changes_what_it_names_and_keeps_the_rest() {
        fixture.given(annsCreated())
                .when(new UpdateWebhook(ID, "http://other.example.com/x", List.of(BOOKING_CANCELLED), null, null, null,
                        null, null), as(ANN))
                .expectEvents(new WebhookUpdated(ID, ANN.userId(), null, null, "http://other.example.com/x",
                        List.of(BOOKING_CANCELLED), SEALED, null, null, null, NOW));
    }

    @Test
    void an_empty_secret_removes_it_and_active_false_deactivates() {
        fixture.given(annsCreated())
                .when(new UpdateWebhook(ID, null, null, "", null, null, null, false), as(ANN))
                .expectEvents(new WebhookUpdated(ID, ANN.userId(), null, null, URL, List.of(BOOKING_CREATED), null,
                        null, null, null, NOW), new WebhookDeactivated(ID, NOW));
    }

    @Test
    void a_new_secret_replaces_the_old_one_even_if_it_might_be_the_same() {
        fixture.given(annsCreated())
                .when(new UpdateWebhook(ID, null, null, RESEALED, null, null, null, null), as(ANN))
                .expectEvents(new WebhookUpdated(ID, ANN.userId(), null, null, URL, List.of(BOOKING_CREATED), RESEALED,
                        null, null, null, NOW));
    }

    @Test
    void an_update_that_changes_nothing_says_nothing() {
        fixture.given(annsCreated())
                .when(new UpdateWebhook(ID, URL, List.of(BOOKING_CREATED), null, null, null, null, true), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_update_to_a_relative_url_is_refused() {
        fixture.given(annsCreated())
                .when(new UpdateWebhook(ID, "hooks.example.com", null, null, null, null, null, null), as(ANN))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void an_update_to_no_triggers_is_refused() {
        fixture.given(annsCreated())
                .when(new UpdateWebhook(ID, null, List.of(), null, null, null, null, null), as(ANN))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void someone_else_may_not_update_a_users_webhook() {
        fixture.given(annsCreated())
                .when(new UpdateWebhook(ID, null, List.of(BOOKING_CANCELLED), null, null, null, null, null), as(BOB))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_team_member_may_not_update_the_teams_webhook_but_its_owner_may() {
        UpdateWebhook update = new UpdateWebhook(ID, null, List.of(BOOKING_CANCELLED), null, null, null, null, null);
        fixture.given(teamsCreated())
                .when(update, inTeam(BOB, MembershipRole.MEMBER))
                .expectException(AccessDenied.class);
        fixture.given(teamsCreated())
                .when(update, inTeam(ANN, MembershipRole.OWNER))
                .expectEvents(new WebhookUpdated(ID, null, TEAM, null, URL, List.of(BOOKING_CANCELLED), null, null,
                        null, null, NOW));
    }

    // ================================================================ activate, deactivate, delete

    @Test
    void a_webhook_is_deactivated_and_activated_again() {
        fixture.given(annsCreated())
                .when(new DeactivateWebhook(ID), as(ANN))
                .expectEvents(new WebhookDeactivated(ID, NOW));
        fixture.given(annsCreated(), new WebhookDeactivated(ID, EARLIER))
                .when(new ActivateWebhook(ID), as(ANN))
                .expectEvents(new WebhookActivated(ID, NOW));
    }

    @Test
    void activating_an_active_webhook_says_nothing() {
        fixture.given(annsCreated())
                .when(new ActivateWebhook(ID), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void someone_else_may_not_switch_a_webhook() {
        fixture.given(annsCreated())
                .when(new DeactivateWebhook(ID), as(BOB))
                .expectException(AccessDenied.class);
        fixture.given(annsCreated(), new WebhookDeactivated(ID, EARLIER))
                .when(new ActivateWebhook(ID), as(BOB))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_webhook_is_deleted_by_its_owner() {
        fixture.given(annsCreated())
                .when(new DeleteWebhook(ID), as(ANN))
                .expectEvents(new WebhookDeleted(ID, ANN.userId(), null, null, URL, NOW))
                .expectResultMessagePayload(new WebhookView(ID, ANN.userId(), null, null, URL, List.of(BOOKING_CREATED),
                        true, null, true, null, null, EARLIER))
                .expectMarkedDeleted();
    }

    @Test
    void someone_else_may_not_delete_a_webhook() {
        fixture.given(annsCreated())
                .when(new DeleteWebhook(ID), as(BOB))
                .expectException(AccessDenied.class);
    }

    @Test
    void an_event_never_prints_the_secret_not_even_sealed() {
        assertThat(annsCreated().toString()).doesNotContain(SEALED);
        assertThat(forUser(1, URL, List.of(BOOKING_CREATED)).toString()).doesNotContain(SEALED);
        assertThat(new UpdateWebhook(ID, null, null, SEALED, null, null, null, null).toString())
                .doesNotContain(SEALED);
        assertThat(new WebhookUpdated(ID, 1, null, null, URL, List.of(BOOKING_CREATED), SEALED, null, null, null,
                NOW).toString()).doesNotContain(SEALED);
    }
}
