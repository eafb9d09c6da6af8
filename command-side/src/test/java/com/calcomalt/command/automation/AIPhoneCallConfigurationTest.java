package com.calcomalt.command.automation;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.automation.AIPhoneCallConfigurationRemoved;
import com.calcomalt.contracts.automation.AIPhoneCallConfigured;
import com.calcomalt.contracts.automation.AIPhoneCallSettings;
import com.calcomalt.contracts.automation.ConfigureAIPhoneCall;
import com.calcomalt.contracts.automation.RemoveAIPhoneCallConfiguration;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AIPhoneCallConfigurationTest {

    private static final int EVENT_TYPE = 70;
    private static final int TEAM = 10;
    private static final int CONFIGURATION = 600;

    private static final Caller ANN = new Caller(1, false, null);
    private static final Caller BOB = new Caller(2, false, null);

    private AggregateTestFixture<AIPhoneCallConfiguration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AIPhoneCallConfiguration.class);
    }

    /** The event type is Ann's own. */
    private static MetaData annsEventTypeAs(Caller caller) {
        return CallerMetaData.of(caller).and(AIPhoneCallConfiguration.EVENT_TYPE, new ActivationTargets.Owner(1, null));
    }

    /** The event type is the team's; the caller has this role in it. */
    private static MetaData teamEventTypeAs(Caller caller, MembershipRole role) {
        return CallerMetaData.of(caller)
                .and(AIPhoneCallConfiguration.EVENT_TYPE, new ActivationTargets.Owner(null, TEAM))
                .and(IdentityCommandFacts.ACCESS, new TeamAccess(caller, TEAM, false, null, role, role != null, null));
    }

    private static AIPhoneCallSettings asked(String prompt) {
        return new AIPhoneCallSettings(prompt, "+4930123456", "+4915112345678", "Guest", null, null, null, null, null,
                null, null);
    }

    /** As an event has it: not enabled and cal.com's CUSTOM_TEMPLATE unless said otherwise. */
    private static AIPhoneCallSettings complete(String prompt) {
        return new AIPhoneCallSettings(prompt, "+4930123456", "+4915112345678", "Guest", false, null, null, null, null,
                null, "CUSTOM_TEMPLATE");
    }

    @Test
    void the_event_types_user_configures_ai_phone_calls_with_cal_coms_defaults() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, CONFIGURATION, asked("Confirm the meeting")),
                        annsEventTypeAs(ANN))
                .expectEvents(new AIPhoneCallConfigured(EVENT_TYPE, CONFIGURATION, complete("Confirm the meeting")));
    }

    @Test
    void configuring_again_keeps_the_row_and_changes_the_settings() {
        fixture.given(new AIPhoneCallConfigured(EVENT_TYPE, CONFIGURATION, complete("Old")))
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, 601, asked("New")), annsEventTypeAs(ANN))
                .expectEvents(new AIPhoneCallConfigured(EVENT_TYPE, CONFIGURATION, complete("New")));
    }

    @Test
    void configuring_the_same_again_records_nothing() {
        fixture.given(new AIPhoneCallConfigured(EVENT_TYPE, CONFIGURATION, complete("Same")))
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, 601, asked("Same")), annsEventTypeAs(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void configuring_someone_elses_event_type_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, CONFIGURATION, asked("Mine")), annsEventTypeAs(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_teams_admin_configures_the_teams_event_type() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, CONFIGURATION, asked("Team")),
                        teamEventTypeAs(BOB, MembershipRole.ADMIN))
                .expectEvents(new AIPhoneCallConfigured(EVENT_TYPE, CONFIGURATION, complete("Team")));
    }

    @Test
    void a_plain_member_configuring_the_teams_event_type_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, CONFIGURATION, asked("Team")),
                        teamEventTypeAs(BOB, MembershipRole.MEMBER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void configuring_an_event_type_that_does_not_exist_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, CONFIGURATION, asked("None")), CallerMetaData.of(ANN))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_number_to_call_that_is_no_phone_number_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, CONFIGURATION, new AIPhoneCallSettings(null, "+4930123456",
                        "call me", null, true, null, null, null, null, null, null)), annsEventTypeAs(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("numberToCall is a phone number such as +4915112345678")
                .expectNoEvents();
    }

    @Test
    void a_configuration_without_its_own_number_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, CONFIGURATION, new AIPhoneCallSettings(null, null,
                        "+4915112345678", null, true, null, null, null, null, null, null)), annsEventTypeAs(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("yourPhoneNumber is a phone number such as +4915112345678")
                .expectNoEvents();
    }

    @Test
    void a_guest_email_that_is_no_address_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, CONFIGURATION, new AIPhoneCallSettings(null, "+4930123456",
                        "+4915112345678", null, true, null, null, null, "nobody", null, null)), annsEventTypeAs(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void the_configuration_is_removed() {
        fixture.given(new AIPhoneCallConfigured(EVENT_TYPE, CONFIGURATION, complete("Old")))
                .when(new RemoveAIPhoneCallConfiguration(EVENT_TYPE), annsEventTypeAs(ANN))
                .expectEvents(new AIPhoneCallConfigurationRemoved(EVENT_TYPE, CONFIGURATION));
    }

    @Test
    void removing_twice_is_rejected() {
        fixture.given(new AIPhoneCallConfigured(EVENT_TYPE, CONFIGURATION, complete("Old")),
                        new AIPhoneCallConfigurationRemoved(EVENT_TYPE, CONFIGURATION))
                .when(new RemoveAIPhoneCallConfiguration(EVENT_TYPE), annsEventTypeAs(ANN))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void removing_someone_elses_configuration_is_rejected() {
        fixture.given(new AIPhoneCallConfigured(EVENT_TYPE, CONFIGURATION, complete("Old")))
                .when(new RemoveAIPhoneCallConfiguration(EVENT_TYPE), annsEventTypeAs(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void configuring_after_a_removal_makes_a_new_row() {
        fixture.given(new AIPhoneCallConfigured(EVENT_TYPE, CONFIGURATION, complete("Old")),
                        new AIPhoneCallConfigurationRemoved(EVENT_TYPE, CONFIGURATION))
                .when(new ConfigureAIPhoneCall(EVENT_TYPE, 601, asked("Again")), annsEventTypeAs(ANN))
                .expectEvents(new AIPhoneCallConfigured(EVENT_TYPE, 601, complete("Again")));
    }
}
