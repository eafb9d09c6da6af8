package com.calcomalt.command.scheduling;

import static com.calcomalt.command.support.CallerCommands.as;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.CreateOutOfOfficeReason;
import com.calcomalt.contracts.scheduling.DisableOutOfOfficeReason;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonDisabled;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutOfOfficeReasonTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");

    private static final int REASON = 7;
    private static final int ANN_ID = 1;

    /** Ann has reasons of her own. */
    private static final Caller ANN = new Caller(ANN_ID, false, null);
    /** Bob is another user. */
    private static final Caller BOB = new Caller(2, false, null);
    private static final Caller SYSTEM_ADMIN = new Caller(99, true, null);

    private AggregateTestFixture<OutOfOfficeReason> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OutOfOfficeReason.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static OutOfOfficeReasonCreated annsReason() {
        return new OutOfOfficeReasonCreated(REASON, "🏖️", "Beach", ANN_ID, EARLIER);
    }

    private static OutOfOfficeReasonCreated everybodysReason() {
        return new OutOfOfficeReasonCreated(REASON, "🤒", "Sick leave", null, EARLIER);
    }

    // ================================================================ CreateOutOfOfficeReason

    @Test
    void a_user_creates_a_reason_of_their_own() {
        fixture.givenNoPriorActivity()
                .when(new CreateOutOfOfficeReason(REASON, "🏖️", "Beach", ANN_ID), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutOfOfficeReasonCreated(REASON, "🏖️", "Beach", ANN_ID, NOW));
    }

    @Test
    void a_system_admin_creates_one_of_everybodys_reasons() {
        fixture.givenNoPriorActivity()
                .when(new CreateOutOfOfficeReason(REASON, "🤒", "Sick leave", null), as(SYSTEM_ADMIN))
                .expectEvents(new OutOfOfficeReasonCreated(REASON, "🤒", "Sick leave", null, NOW));
    }

    @Test
    void a_user_who_is_no_system_admin_cannot_create_one_of_everybodys_reasons() {
        fixture.givenNoPriorActivity()
                .when(new CreateOutOfOfficeReason(REASON, "🤒", "Sick leave", null), as(ANN))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only a system administrator changes everybody's reasons")
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_create_a_reason_for_someone_else() {
        fixture.givenNoPriorActivity()
                .when(new CreateOutOfOfficeReason(REASON, "🏖️", "Beach", ANN_ID), as(BOB))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only user 1 changes their reasons")
                .expectNoEvents();
    }

    @Test
    void a_reason_without_a_caller_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateOutOfOfficeReason(REASON, "🏖️", "Beach", ANN_ID), MetaData.emptyInstance())
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_blank_reason_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateOutOfOfficeReason(REASON, "🏖️", "  ", ANN_ID), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A reason has 1 to 255 characters")
                .expectNoEvents();
    }

    @Test
    void a_reason_longer_than_255_characters_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateOutOfOfficeReason(REASON, "🏖️", "x".repeat(256), ANN_ID), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_reason_without_an_emoji_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateOutOfOfficeReason(REASON, null, "Beach", ANN_ID), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A reason has an emoji")
                .expectNoEvents();
    }

    @Test
    void a_reason_with_a_blank_emoji_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateOutOfOfficeReason(REASON, " ", "Beach", ANN_ID), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    // ================================================================ DisableOutOfOfficeReason

    @Test
    void a_user_disables_their_own_reason() {
        fixture.given(annsReason())
                .when(new DisableOutOfOfficeReason(REASON), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutOfOfficeReasonDisabled(REASON, NOW));
    }

    @Test
    void disabling_a_disabled_reason_publishes_nothing() {
        fixture.given(annsReason(), new OutOfOfficeReasonDisabled(REASON, EARLIER))
                .when(new DisableOutOfOfficeReason(REASON), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void another_user_cannot_disable_a_users_reason() {
        fixture.given(annsReason())
                .when(new DisableOutOfOfficeReason(REASON), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_system_admin_disables_one_of_everybodys_reasons() {
        fixture.given(everybodysReason())
                .when(new DisableOutOfOfficeReason(REASON), as(SYSTEM_ADMIN))
                .expectEvents(new OutOfOfficeReasonDisabled(REASON, NOW));
    }

    @Test
    void a_user_who_is_no_system_admin_cannot_disable_one_of_everybodys_reasons() {
        fixture.given(everybodysReason())
                .when(new DisableOutOfOfficeReason(REASON), as(ANN))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }
}
