package com.calcomalt.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.client.ApiClient;
import com.calcomalt.client.ApiException;
import com.calcomalt.client.api.ApiKeysApi;
import com.calcomalt.client.api.BookingsApi;
import com.calcomalt.client.api.EventTypesApi;
import com.calcomalt.client.api.MembershipsApi;
import com.calcomalt.client.api.SchedulesApi;
import com.calcomalt.client.api.SlotsApi;
import com.calcomalt.client.api.TeamsAndOrganizationsApi;
import com.calcomalt.client.api.UsersApi;
import com.calcomalt.client.api.WebhooksApi;
import com.calcomalt.client.api.WorkflowsApi;
import com.calcomalt.client.model.ApiKeyCreateInput;
import com.calcomalt.client.model.ApiKeyRefreshInput;
import com.calcomalt.client.model.BookingAttendeeInput;
import com.calcomalt.client.model.BookingBookingInput;
import com.calcomalt.client.model.BookingCancelInput;
import com.calcomalt.client.model.BookingRescheduleInput;
import com.calcomalt.client.model.BookingSeatedBooking;
import com.calcomalt.client.model.BookingView;
import com.calcomalt.client.model.EventTypeOutput;
import com.calcomalt.client.model.EventTypeOutputCalendarDaysWindow;
import com.calcomalt.client.model.EventTypeRequest;
import com.calcomalt.client.model.EventTypeRequestBookingWindowInput;
import com.calcomalt.client.model.EventTypeRequestCalendarDaysWindow;
import com.calcomalt.client.model.MembershipCreateInput;
import com.calcomalt.client.model.MembershipUpdateInput;
import com.calcomalt.client.model.MembershipView;
import com.calcomalt.client.model.ScheduleCreateInput;
import com.calcomalt.client.model.ScheduleRangeInput;
import com.calcomalt.client.model.SlotsSlotOutput;
import com.calcomalt.client.model.TeamInput;
import com.calcomalt.client.model.TeamView;
import com.calcomalt.client.model.UserCreateUserInput;
import com.calcomalt.client.model.UserView;
import com.calcomalt.client.model.WebhookCreateInput;
import com.calcomalt.client.model.WebhookView;
import com.calcomalt.client.model.WorkflowActivationInput;
import com.calcomalt.client.model.WorkflowCreateInput;
import com.calcomalt.client.model.WorkflowMessageInput;
import com.calcomalt.client.model.WorkflowOffsetInput;
import com.calcomalt.client.model.WorkflowOutput;
import com.calcomalt.client.model.WorkflowStepInput;
import com.calcomalt.client.model.WorkflowTriggerInput;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * A new user's first day, only through the client generated from the checked-in API document:
 * an administrator makes the user and their API key; the user makes a schedule and an event type,
 * reads the free slots, books one, moves it, cancels it, subscribes a webhook and makes a workflow.
 * Then a team grows the same way. The client refuses properties the document does not declare, so a
 * field the document gets wrong fails here.
 */
class ClientScenarioTest extends RunningApplication {

    /** The cal-api-version of each endpoint whose cal.com shape is followed, sent as cal.com's clients send it. */
    private static final String SCHEDULES = "2024-06-11";
    private static final String EVENT_TYPES = "2024-06-14";
    private static final String SLOTS = "2024-09-04";
    private static final String BOOKINGS = "2024-08-13";

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_new_user_books_reschedules_and_cancels_through_the_generated_client() throws Exception {
        awaitReady();
        ApiClient admin = client(ADMIN_KEY);

        UserView user = new UsersApi(admin).userCreate(new UserCreateUserInput()
                .email("ada-" + tag + "@example.com").username("ada-" + tag).timeZone("Europe/London")).getData();
        assertThat(user.getEmail()).isEqualTo("ada-" + tag + "@example.com");
        String key = new ApiKeysApi(admin).apiKeyCreate(new ApiKeyCreateInput().userId(user.getId()).note("scenario"))
                .getData().getApiKey();
        assertThat(key).startsWith("cal_");
        ApiClient ada = client(key);

        int scheduleId = new SchedulesApi(ada).scheduleCreate(new ScheduleCreateInput().name("Weekdays").timeZone("UTC")
                .isDefault(true).addAvailabilityItem(new ScheduleRangeInput()
                        .days(List.of(ScheduleRangeInput.DaysEnum.values())).startTime("09:00").endTime("17:00")),
                SCHEDULES).getData().getId();
        assertThat(scheduleId).isPositive();

        EventTypeOutput eventType = new EventTypesApi(ada).eventTypeCreate(new EventTypeRequest().title("Intro call")
                .slug("intro-" + tag).lengthInMinutes(30).bookingWindow(new EventTypeRequestBookingWindowInput(
                        new EventTypeRequestCalendarDaysWindow()
                                .type(EventTypeRequestCalendarDaysWindow.TypeEnum.CALENDAR_DAYS).value(30).rolling(false))),
                EVENT_TYPES).getData();
        assertThat(eventType.getLengthInMinutes()).isEqualTo(30);
        assertThat(eventType.getBookingWindow().getActualInstance()).isInstanceOfSatisfying(
                EventTypeOutputCalendarDaysWindow.class, window -> assertThat(window.getValue()).isEqualTo(30));
        int eventTypeId = eventType.getId();

        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        List<SlotsSlotOutput> slots = eventually(() -> new SlotsApi(ada).slotsSlots(tomorrow.toString(),
                tomorrow.plusDays(7).toString(), eventTypeId, null, null, null, "UTC", null, null, null, SLOTS)
                .getData().values().stream().flatMap(List::stream).toList(), found -> !found.isEmpty());
        OffsetDateTime first = OffsetDateTime.parse(slots.get(0).getStart());
        OffsetDateTime later = OffsetDateTime.parse(slots.get(2).getStart());
        assertThat(first.getHour()).isBetween(9, 16);

        BookingsApi bookings = new BookingsApi(ada);
        BookingSeatedBooking booked = bookings.bookingBook(new BookingBookingInput().start(first).eventTypeId(eventTypeId)
                .attendee(new BookingAttendeeInput().name("Grace").email("grace-" + tag + "@example.com")
                        .timeZone("America/New_York")), null, BOOKINGS).getData();
        assertThat(booked.getStatus()).isEqualTo("accepted");
        assertThat(booked.getStart().toInstant()).isEqualTo(first.toInstant());
        assertThat(booked.getAttendees()).singleElement()
                .satisfies(attendee -> assertThat(attendee.getEmail()).isEqualTo("grace-" + tag + "@example.com"));

        BookingView moved = bookings.bookingReschedule(booked.getUid(),
                new BookingRescheduleInput().start(later).reschedulingReason("A clash"), BOOKINGS).getData();
        assertThat(moved.getRescheduledFromUid()).isEqualTo(booked.getUid());
        assertThat(moved.getStart().toInstant()).isEqualTo(later.toInstant());

        BookingView cancelled = bookings.bookingCancel(moved.getUid(), BOOKINGS,
                new BookingCancelInput().cancellationReason("Ill")).getData();
        assertThat(cancelled.getStatus()).isEqualTo("cancelled");
        BookingView readBack = bookings.bookingBooking(moved.getUid(), BOOKINGS).getData();
        assertThat(readBack.getCancellationReason()).isEqualTo("Ill");

        WebhooksApi webhooks = new WebhooksApi(ada);
        WebhookView subscribed = webhooks.webhookCreateForCaller(new WebhookCreateInput()
                .subscriberUrl("https://example.com/hooks/" + tag)
                .triggers(List.of(WebhookCreateInput.TriggersEnum.BOOKING_CREATED))).getData();
        WebhookView webhook = webhooks.webhookWebhook(subscribed.getId()).getData();
        assertThat(webhook.getSubscriberUrl()).isEqualTo("https://example.com/hooks/" + tag);

        WorkflowOutput workflow = new WorkflowsApi(ada).workflowCreate(new WorkflowCreateInput()
                .name("Remind the attendee")
                .activation(new WorkflowActivationInput().isActiveOnAllEventTypes(false)
                        .addActiveOnEventTypeIdsItem(eventTypeId))
                .trigger(new WorkflowTriggerInput().type(WorkflowTriggerInput.TypeEnum.BEFORE_EVENT)
                        .offset(new WorkflowOffsetInput().value(1).unit(WorkflowOffsetInput.UnitEnum.HOUR)))
                .addStepsItem(new WorkflowStepInput().action(WorkflowStepInput.ActionEnum.EMAIL_ATTENDEE)
                        .stepNumber(1).recipient(WorkflowStepInput.RecipientEnum.ATTENDEE)
                        .template(WorkflowStepInput.TemplateEnum.REMINDER).sender("Cal").includeCalendarEvent(true)
                        .message(new WorkflowMessageInput().subject("Soon").html("<p>See you soon</p>")))).getData();
        assertThat(workflow.getSteps()).singleElement()
                .satisfies(step -> assertThat(step.getMessage().getSubject()).isEqualTo("Soon"));
        assertThat(workflow.getActivation().getActiveOnEventTypeIds()).containsExactly(eventTypeId);
    }

    /**
     * A team through the generated client, in cal.com's shapes: its founder makes it, invites a member
     * who accepts, gives them a role and removes them; the member refreshes their API key.
     */
    @Test
    void a_team_grows_and_a_key_is_refreshed_through_the_generated_client() throws Exception {
        awaitReady();
        ApiClient admin = client(ADMIN_KEY);
        UsersApi users = new UsersApi(admin);
        ApiKeysApi adminKeys = new ApiKeysApi(admin);
        int foundId = users.userCreate(new UserCreateUserInput().email("founder-" + tag + "@example.com")
                .username("founder-" + tag)).getData().getId();
        int memberId = users.userCreate(new UserCreateUserInput().email("member-" + tag + "@example.com")
                .username("member-" + tag)).getData().getId();
        ApiClient founder = client(adminKeys.apiKeyCreate(new ApiKeyCreateInput().userId(foundId)).getData().getApiKey());
        String memberKey = adminKeys.apiKeyCreate(new ApiKeyCreateInput().userId(memberId)).getData().getApiKey();

        TeamView team = new TeamsAndOrganizationsApi(founder).teamCreateTeam(new TeamInput().name("Scenario " + tag)
                .metadata(java.util.Map.of("teamKey", "teamValue"))).getData();
        assertThat(team.getSlug()).isEqualTo("scenario-" + tag);
        assertThat(team.getTimeZone()).isEqualTo("Europe/London");
        assertThat(team.getMetadata()).containsEntry("teamKey", "teamValue");

        MembershipsApi memberships = new MembershipsApi(founder);
        MembershipView invited = memberships.membershipCreate(team.getId(), new MembershipCreateInput().userId(memberId)
                .role(MembershipCreateInput.RoleEnum.MEMBER)).getData();
        assertThat(invited.getAccepted()).isFalse();
        assertThat(invited.getUser().getEmail()).isEqualTo("member-" + tag + "@example.com");
        MembershipView accepted = new MembershipsApi(client(memberKey)).membershipUpdate(team.getId(), invited.getId(),
                new MembershipUpdateInput().accepted(true)).getData();
        assertThat(accepted.getAccepted()).isTrue();
        MembershipView admin2 = memberships.membershipUpdate(team.getId(), invited.getId(),
                new MembershipUpdateInput().role(MembershipUpdateInput.RoleEnum.ADMIN)).getData();
        assertThat(admin2.getRole()).isEqualTo(MembershipView.RoleEnum.ADMIN);
        List<MembershipView> members = eventually(() -> new TeamsAndOrganizationsApi(founder)
                .teamMemberships(team.getId(), null, null, null).getData(), found -> found.size() == 2);
        assertThat(members).extracting(MembershipView::getUserId).containsExactly(foundId, memberId);
        assertThat(memberships.membershipDelete(team.getId(), invited.getId()).getData().getRole())
                .isEqualTo(MembershipView.RoleEnum.ADMIN);

        String refreshed = new ApiKeysApi(client(memberKey)).apiKeyRefresh(new ApiKeyRefreshInput().apiKeyDaysValid(7))
                .getData().getApiKey();
        assertThat(refreshed).startsWith("cal_").isNotEqualTo(memberKey);
        assertThat(new UsersApi(client(refreshed)).userMe().getData().getId()).isEqualTo(memberId);
    }

    /** A client for one API key, which refuses what the document does not declare. */
    private ApiClient client(String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri());
        client.setObjectMapper(ApiClient.createDefaultObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        return client;
    }

    /** Reads go to the projections, which follow the commands a moment later. */
    private static <T> T eventually(Callable<T> read, java.util.function.Predicate<T> done) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreException(ApiException.class)
                .until(read, done);
    }
}
