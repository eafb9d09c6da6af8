package com.calcomalt.command.scheduling;

import static com.calcomalt.command.support.CallerCommands.as;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.CreateOutOfOffice;
import com.calcomalt.contracts.scheduling.DeleteOutOfOffice;
import com.calcomalt.contracts.scheduling.OutOfOfficeCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeEntryView;
import com.calcomalt.contracts.scheduling.OutOfOfficeDeleted;
import com.calcomalt.contracts.scheduling.OutOfOfficeUpdated;
import com.calcomalt.contracts.scheduling.UpdateOutOfOffice;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutOfOfficeTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");

    private static final int ENTRY = 60;
    private static final String UUID = "5b0c2a0e-4f3e-4d6a-9d7a-0c1f2e3d4b5a";
    private static final int ANN_ID = 1;
    private static final int BOB_ID = 2;
    private static final int REASON = 7;

    private static final Instant START = Instant.parse("2026-04-06T00:00:00Z");
    private static final Instant END = Instant.parse("2026-04-11T00:00:00Z");

    /** Ann is away. */
    private static final Caller ANN = new Caller(ANN_ID, false, null);
    /** Bob is someone else, and whom Ann sends her bookers to. */
    private static final Caller BOB = new Caller(BOB_ID, false, null);
    private static final Caller SYSTEM_ADMIN = new Caller(99, true, null);
    /** The facts of a command whose reason and redirect user exist; a test that needs otherwise overrides one. */
    private static final Object[] REASON_AND_REDIRECT_EXIST =
            {OutOfOffice.REASON_EXISTS, true, OutOfOffice.REDIRECT_USER_EXISTS, true};

    private AggregateTestFixture<OutOfOffice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OutOfOffice.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** As the caller, with the reason and the user bookers are sent to known. */
    private static CreateOutOfOffice create(Instant start, Instant end, Integer toUserId, String notes) {
        return new CreateOutOfOffice(ENTRY, UUID, ANN_ID, start, end, REASON, toUserId, notes, true);
    }

    private static OutOfOfficeCreated created() {
        return new OutOfOfficeCreated(ENTRY, UUID, ANN_ID, START, END, REASON, BOB_ID, "On holiday", false,
                EARLIER);
    }

    // ================================================================ CreateOutOfOffice

    @Test
    void a_user_says_when_they_are_away_and_whom_bookers_go_to() {
        fixture.givenNoPriorActivity()
                .when(create(START, END, BOB_ID, "On holiday"), as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutOfOfficeCreated(ENTRY, UUID, ANN_ID, START, END, REASON, BOB_ID, "On holiday",
                        true, NOW))
                .expectResultMessagePayload(new OutOfOfficeEntryView(ENTRY, UUID, ANN_ID, BOB_ID, START, END,
                        "On holiday", null, REASON, true, NOW, NOW));
    }

    @Test
    void an_entry_without_redirect_reason_or_notes_does_not_show_notes_publicly() {
        fixture.givenNoPriorActivity()
                .when(new CreateOutOfOffice(ENTRY, UUID, ANN_ID, START, END, null, null, null, null),
                        as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectEvents(new OutOfOfficeCreated(ENTRY, UUID, ANN_ID, START, END, null, null, null, false, NOW));
    }

    @Test
    void a_system_admin_may_say_when_a_user_is_away() {
        fixture.givenNoPriorActivity()
                .when(create(START, END, null, null), as(SYSTEM_ADMIN, REASON_AND_REDIRECT_EXIST))
                .expectEvents(new OutOfOfficeCreated(ENTRY, UUID, ANN_ID, START, END, REASON, null, null, true,
                        NOW));
    }

    @Test
    void someone_else_cannot_say_when_a_user_is_away() {
        fixture.givenNoPriorActivity()
                .when(create(START, END, null, null), as(BOB, REASON_AND_REDIRECT_EXIST))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only user 1 says when they are away")
                .expectNoEvents();
    }

    @Test
    void an_entry_without_a_caller_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(START, END, null, null), MetaData.emptyInstance())
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_entry_that_ends_before_it_starts_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(END, START, null, null), as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Time out of office starts before it ends")
                .expectNoEvents();
    }

    @Test
    void an_entry_that_ends_when_it_starts_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(START, START, null, null), as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_entry_without_an_end_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(START, null, null, null), as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void sending_bookers_to_the_user_who_is_away_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(START, END, ANN_ID, null), as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Bookers are sent to someone else, not to the user who is away")
                .expectNoEvents();
    }

    @Test
    void notes_longer_than_2000_characters_are_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(START, END, null, "x".repeat(2001)), as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Notes have at most 2000 characters")
                .expectNoEvents();
    }

    @Test
    void notes_of_exactly_2000_characters_are_accepted() {
        String notes = "x".repeat(2000);
        fixture.givenNoPriorActivity()
                .when(create(START, END, null, notes), as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectEvents(new OutOfOfficeCreated(ENTRY, UUID, ANN_ID, START, END, REASON, null, notes, true,
                        NOW));
    }

    // ================================================================ UpdateOutOfOffice

    @Test
    void updating_publishes_the_whole_entry_with_what_was_not_changed() {
        Instant laterEnd = END.plusSeconds(86_400);
        fixture.given(created())
                .when(new UpdateOutOfOffice(ENTRY, null, laterEnd, null, null, "Longer holiday", true),
                        as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutOfOfficeUpdated(ENTRY, ANN_ID, START, laterEnd, REASON, BOB_ID,
                        "Longer holiday", true, NOW));
    }

    @Test
    void an_update_builds_on_earlier_updates() {
        fixture.given(created(), new OutOfOfficeUpdated(ENTRY, ANN_ID, START, END, 8, 3, "Moved", true, EARLIER))
                .when(new UpdateOutOfOffice(ENTRY, START.minusSeconds(3600), null, null, null, null, null),
                        as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectEvents(new OutOfOfficeUpdated(ENTRY, ANN_ID, START.minusSeconds(3600), END, 8, 3, "Moved",
                        true, NOW));
    }

    @Test
    void updating_with_nothing_new_publishes_nothing() {
        fixture.given(created())
                .when(new UpdateOutOfOffice(ENTRY, START, END, REASON, BOB_ID, "On holiday", false),
                        as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_empty_update_publishes_nothing() {
        fixture.given(created())
                .when(new UpdateOutOfOffice(ENTRY, null, null, null, null, null, null),
                        as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void someone_else_cannot_update_the_entry() {
        fixture.given(created())
                .when(new UpdateOutOfOffice(ENTRY, null, null, null, null, "Bob was here", null),
                        as(BOB, REASON_AND_REDIRECT_EXIST))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void moving_the_end_before_the_start_is_rejected() {
        fixture.given(created())
                .when(new UpdateOutOfOffice(ENTRY, null, START.minusSeconds(1), null, null, null, null),
                        as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void redirecting_to_the_user_who_is_away_on_update_is_rejected() {
        fixture.given(created())
                .when(new UpdateOutOfOffice(ENTRY, null, null, null, ANN_ID, null, null),
                        as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_reason_that_does_not_exist_is_rejected_on_create_and_on_update() {
        fixture.givenNoPriorActivity()
                .when(create(START, END, null, null),
                        as(ANN, REASON_AND_REDIRECT_EXIST).and(OutOfOffice.REASON_EXISTS, false))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("There is no out-of-office reason " + REASON)
                .expectNoEvents();
        fixture.given(created())
                .when(new UpdateOutOfOffice(ENTRY, null, null, 12, null, null, null),
                        as(ANN, REASON_AND_REDIRECT_EXIST).and(OutOfOffice.REASON_EXISTS, false))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("There is no out-of-office reason 12")
                .expectNoEvents();
    }

    @Test
    void sending_bookers_to_a_user_who_does_not_exist_is_rejected_on_create_and_on_update() {
        fixture.givenNoPriorActivity()
                .when(create(START, END, 404, null),
                        as(ANN, REASON_AND_REDIRECT_EXIST).and(OutOfOffice.REDIRECT_USER_EXISTS, false))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("There is no user 404 to send bookers to")
                .expectNoEvents();
        fixture.given(created())
                .when(new UpdateOutOfOffice(ENTRY, null, null, null, 404, null, null),
                        as(ANN, REASON_AND_REDIRECT_EXIST).and(OutOfOffice.REDIRECT_USER_EXISTS, false))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void notes_longer_than_2000_characters_on_update_are_rejected() {
        fixture.given(created())
                .when(new UpdateOutOfOffice(ENTRY, null, null, null, null, "x".repeat(2001), null),
                        as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    // ================================================================ DeleteOutOfOffice

    @Test
    void the_user_deletes_their_entry() {
        fixture.given(created())
                .when(new DeleteOutOfOffice(ENTRY), as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutOfOfficeDeleted(ENTRY, ANN_ID, NOW));
    }

    @Test
    void someone_else_cannot_delete_the_entry() {
        fixture.given(created())
                .when(new DeleteOutOfOffice(ENTRY), as(BOB, REASON_AND_REDIRECT_EXIST))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_deleted_entry_cannot_be_updated() {
        fixture.given(created(), new OutOfOfficeDeleted(ENTRY, ANN_ID, EARLIER))
                .when(new UpdateOutOfOffice(ENTRY, null, null, null, null, "Back", null),
                        as(ANN, REASON_AND_REDIRECT_EXIST))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
