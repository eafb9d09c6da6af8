package com.calcomalt.command.features;

import com.calcomalt.contracts.features.CreateFeature;
import com.calcomalt.contracts.features.FeatureChanged;
import com.calcomalt.contracts.features.FeatureCreated;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.FeatureView;
import com.calcomalt.contracts.features.UpdateFeature;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeatureTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");
    private static final Caller SYSTEM_ADMIN = new Caller(99, true, null);
    private static final Caller ANN = new Caller(1, false, null);
    private static final String SLUG = "disable-bookings";

    private AggregateTestFixture<Feature> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feature.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static FeatureCreated created() {
        return new FeatureCreated(SLUG, false, "Stops new bookings", FeatureType.KILL_SWITCH, 99, EARLIER);
    }

    @Test
    void a_system_admin_creates_a_flag_off_and_a_release_unless_told() {
        fixture.givenNoPriorActivity()
                .when(new CreateFeature("new-booker", null, null, null), CallerMetaData.of(SYSTEM_ADMIN))
                .expectEvents(new FeatureCreated("new-booker", false, null, FeatureType.RELEASE, 99, NOW))
                .expectResultMessagePayload(new FeatureView("new-booker", false, null, FeatureType.RELEASE, false,
                        null, NOW, NOW, 99));
    }

    @Test
    void a_flag_is_created_with_its_type_description_and_state() {
        fixture.givenNoPriorActivity()
                .when(new CreateFeature(SLUG, true, "Stops new bookings", FeatureType.KILL_SWITCH),
                        CallerMetaData.of(SYSTEM_ADMIN))
                .expectEvents(new FeatureCreated(SLUG, true, "Stops new bookings", FeatureType.KILL_SWITCH, 99, NOW));
    }

    @Test
    void creating_a_flag_is_refused_to_anyone_but_system_admins() {
        fixture.givenNoPriorActivity()
                .when(new CreateFeature(SLUG, true, null, null), CallerMetaData.of(ANN))
                .expectException(AccessDenied.class).expectNoEvents();
    }

    @Test
    void creating_a_flag_whose_slug_exists_is_a_conflict() {
        fixture.given(created())
                .when(new CreateFeature(SLUG, true, null, null), CallerMetaData.of(SYSTEM_ADMIN))
                .expectException(DomainConflict.class).expectNoEvents();
    }

    @Test
    void a_slug_that_is_not_lower_case_words_joined_by_hyphens_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateFeature("Disable Bookings", true, null, null), CallerMetaData.of(SYSTEM_ADMIN))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void a_description_of_more_than_1000_characters_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateFeature(SLUG, true, "x".repeat(1001), null), CallerMetaData.of(SYSTEM_ADMIN))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void a_system_admin_turns_a_flag_on_and_is_its_last_updater() {
        fixture.given(created())
                .when(new UpdateFeature(SLUG, true, null, null, null), CallerMetaData.of(new Caller(7, true, null)))
                .expectEvents(new FeatureChanged(SLUG, true, "Stops new bookings", FeatureType.KILL_SWITCH, false, 7,
                        NOW))
                .expectResultMessagePayload(new FeatureView(SLUG, true, "Stops new bookings",
                        FeatureType.KILL_SWITCH, false, null, EARLIER, NOW, 7));
    }

    @Test
    void a_flag_is_marked_stale_retyped_and_described_again() {
        fixture.given(created())
                .when(new UpdateFeature(SLUG, null, "Old", FeatureType.OPERATIONAL, true),
                        CallerMetaData.of(SYSTEM_ADMIN))
                .expectEvents(new FeatureChanged(SLUG, false, "Old", FeatureType.OPERATIONAL, true, 99, NOW));
    }

    @Test
    void a_change_to_what_the_flag_already_is_stores_nothing() {
        fixture.given(created())
                .when(new UpdateFeature(SLUG, false, "Stops new bookings", FeatureType.KILL_SWITCH, false),
                        CallerMetaData.of(SYSTEM_ADMIN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void changing_a_flag_is_refused_to_anyone_but_system_admins() {
        fixture.given(created())
                .when(new UpdateFeature(SLUG, true, null, null, null), CallerMetaData.of(ANN))
                .expectException(AccessDenied.class).expectNoEvents();
    }

    @Test
    void a_too_long_description_is_refused_on_a_change_too() {
        fixture.given(created())
                .when(new UpdateFeature(SLUG, null, "x".repeat(1001), null, null), CallerMetaData.of(SYSTEM_ADMIN))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }
}
