package com.calcomalt.command.features;

import com.calcomalt.command.identity.UserFacts;
import com.calcomalt.contracts.features.FeatureAssignmentView;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.RemoveUserFeature;
import com.calcomalt.contracts.features.SetUserFeature;
import com.calcomalt.contracts.features.UserFeatureRemoved;
import com.calcomalt.contracts.features.UserFeatureSet;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserFeatureTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");
    private static final int ANN = 5;
    private static final String SLUG = "insights";
    private static final FeatureFacts RELEASE = new FeatureFacts(SLUG, true, FeatureType.RELEASE);
    private static final UserFacts ANNS_FACTS = new UserFacts(ANN, "ann@example.com", "ann", false);

    private static final Caller SYSTEM_ADMIN = new Caller(99, true, null);
    private static final Caller HIMSELF = new Caller(ANN, false, null);

    private AggregateTestFixture<UserFeature> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserFeature.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MetaData facts(Caller caller, UserFacts user, FeatureFacts feature) {
        MetaData metaData = CallerMetaData.of(caller);
        metaData = user == null ? metaData : metaData.and(FeatureCommandFacts.USER, user);
        return feature == null ? metaData : metaData.and(FeatureCommandFacts.FEATURE, feature);
    }

    private static UserFeatureSet refused() {
        return new UserFeatureSet(ANN, SLUG, false, "user:99", EARLIER, EARLIER);
    }

    @Test
    void a_system_admin_grants_a_flag_to_a_user() {
        fixture.givenNoPriorActivity()
                .when(new SetUserFeature(ANN, SLUG, true), facts(SYSTEM_ADMIN, ANNS_FACTS, RELEASE))
                .expectEvents(new UserFeatureSet(ANN, SLUG, true, "user:99", NOW, NOW))
                .expectResultMessagePayload(new FeatureAssignmentView(null, ANN, SLUG, true, "user:99", NOW, NOW));
    }

    @Test
    void a_refusal_turned_into_a_grant_keeps_when_it_was_first_assigned() {
        fixture.given(refused())
                .when(new SetUserFeature(ANN, SLUG, true), facts(SYSTEM_ADMIN, ANNS_FACTS, RELEASE))
                .expectEvents(new UserFeatureSet(ANN, SLUG, true, "user:99", EARLIER, NOW));
    }

    @Test
    void setting_the_standing_the_user_has_stores_nothing() {
        fixture.given(refused())
                .when(new SetUserFeature(ANN, SLUG, false), facts(SYSTEM_ADMIN, ANNS_FACTS, RELEASE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void users_may_not_grant_flags_to_themselves() {
        fixture.givenNoPriorActivity()
                .when(new SetUserFeature(ANN, SLUG, true), facts(HIMSELF, ANNS_FACTS, RELEASE))
                .expectException(AccessDenied.class).expectNoEvents();
    }

    @Test
    void a_user_that_does_not_exist_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new SetUserFeature(ANN, SLUG, true), facts(SYSTEM_ADMIN, null, RELEASE))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void a_flag_that_does_not_exist_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new SetUserFeature(ANN, SLUG, true), facts(SYSTEM_ADMIN, ANNS_FACTS, null))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void a_system_admin_lets_the_user_inherit_again() {
        fixture.given(refused())
                .when(new RemoveUserFeature(ANN, SLUG), CallerMetaData.of(SYSTEM_ADMIN))
                .expectEvents(new UserFeatureRemoved(ANN, SLUG, 99, NOW));
    }

    @Test
    void users_may_not_remove_their_own_refusal() {
        fixture.given(refused())
                .when(new RemoveUserFeature(ANN, SLUG), CallerMetaData.of(HIMSELF))
                .expectException(AccessDenied.class).expectNoEvents();
    }

    @Test
    void removing_a_flag_the_user_only_inherits_is_not_found() {
        fixture.given(refused(), new UserFeatureRemoved(ANN, SLUG, 99, EARLIER))
                .when(new RemoveUserFeature(ANN, SLUG), CallerMetaData.of(SYSTEM_ADMIN))
                .expectException(NotFound.class).expectNoEvents();
    }
}
