package com.calcomalt.command.automation;

import static com.calcomalt.command.support.CallerCommands.as;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.automation.AddWorkflowStep;
import com.calcomalt.contracts.automation.CreateWorkflow;
import com.calcomalt.contracts.automation.DeleteWorkflow;
import com.calcomalt.contracts.automation.EditWorkflowStep;
import com.calcomalt.contracts.automation.NewWorkflowStep;
import com.calcomalt.contracts.automation.RemoveWorkflowStep;
import com.calcomalt.contracts.automation.ReorderWorkflowSteps;
import com.calcomalt.contracts.automation.SetWorkflowActivation;
import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.UpdateWorkflow;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowActivation;
import com.calcomalt.contracts.automation.WorkflowActivationSet;
import com.calcomalt.contracts.automation.WorkflowColumnsImported;
import com.calcomalt.contracts.automation.WorkflowCreated;
import com.calcomalt.contracts.automation.WorkflowDeleted;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepAdded;
import com.calcomalt.contracts.automation.WorkflowStepEdited;
import com.calcomalt.contracts.automation.WorkflowStepRemoved;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowStepView;
import com.calcomalt.contracts.automation.WorkflowStepsReordered;
import com.calcomalt.contracts.automation.WorkflowTargets;
import com.calcomalt.contracts.automation.WorkflowTemplates;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.contracts.automation.WorkflowUpdated;
import com.calcomalt.contracts.automation.WorkflowView;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkflowTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");

    private static final int WORKFLOW = 40;
    private static final int TEAM = 10;
    private static final int ORGANIZATION = 20;
    private static final int OTHER_TEAM = 11;

    private static final int ANN_ID = 1;
    private static final int BOB_ID = 2;

    /** Ann owns the personal workflows and runs the team, as each test says. */
    private static final Caller ANN = new Caller(ANN_ID, false, null);
    /** Bob is someone else. */
    private static final Caller BOB = new Caller(BOB_ID, false, null);
    private static final Caller SYSTEM_ADMIN = new Caller(99, true, null);

    private static final int ANNS_EVENT_TYPE = 70;
    private static final int BOBS_EVENT_TYPE = 71;
    private static final int TEAM_EVENT_TYPE = 72;
    private static final int OTHER_TEAMS_EVENT_TYPE = 73;
    private static final int ANNS_OTHER_EVENT_TYPE = 74;
    private static final int MANAGED = 75;
    private static final int ANNS_CHILD = 76;
    private static final int BOBS_CHILD = 77;
    private static final int SUB_TEAM = 21;
    private static final int FOREIGN_SUB_TEAM = 31;

    /** Who controls each event type and team that exists, and the team's MANAGED event type's children; 999 does not. */
    private static final ActivationTargets TARGETS = new ActivationTargets(Map.of(
            ANNS_EVENT_TYPE, new ActivationTargets.Owner(ANN_ID, null),
            ANNS_OTHER_EVENT_TYPE, new ActivationTargets.Owner(ANN_ID, null),
            BOBS_EVENT_TYPE, new ActivationTargets.Owner(BOB_ID, null),
            TEAM_EVENT_TYPE, new ActivationTargets.Owner(null, TEAM),
            OTHER_TEAMS_EVENT_TYPE, new ActivationTargets.Owner(null, OTHER_TEAM),
            MANAGED, new ActivationTargets.Owner(null, TEAM)), Map.of(
            MANAGED, List.of(ANNS_CHILD, BOBS_CHILD), TEAM_EVENT_TYPE, List.of()), Map.of(
            SUB_TEAM, new ActivationTargets.Owner(null, ORGANIZATION),
            TEAM, new ActivationTargets.Owner(null, null),
            FOREIGN_SUB_TEAM, new ActivationTargets.Owner(null, 30)));

    private AggregateTestFixture<Workflow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workflow.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- settings, steps and metadata

    private static WorkflowSettings named(String name) {
        return new WorkflowSettings(name, null, null, null, null);
    }

    /** cal.com's new workflow: 24 hours before the event, not active on all. */
    private static WorkflowSettings defaults(String name) {
        return new WorkflowSettings(name, WorkflowTriggerEvents.BEFORE_EVENT, 24, TimeUnit.hour, false);
    }

    private static WorkflowStepSettings step(WorkflowActions action) {
        return new WorkflowStepSettings(action, null, null, null, null, null, null, null);
    }

    private static WorkflowStepSettings emailAttendee(String subject) {
        return new WorkflowStepSettings(WorkflowActions.EMAIL_ATTENDEE, null, "Hello {ATTENDEE}", subject, null, null,
                null, null);
    }

    /** A step's settings as an event has them: REMINDER and no calendar event unless said otherwise. */
    private static WorkflowStepSettings completed(WorkflowStepSettings s) {
        return new WorkflowStepSettings(s.action(), s.template() == null ? WorkflowTemplates.REMINDER : s.template(),
                s.reminderBody(), s.emailSubject(), s.sendTo(), s.numberRequired(), s.sender(),
                s.includeCalendarEvent() == null ? Boolean.FALSE : s.includeCalendarEvent());
    }

    /** The caller with their accepted role in the team (null: none). */
    private static MetaData inTeam(Caller caller, MembershipRole role) {
        return CallerMetaData.of(caller).and(IdentityCommandFacts.ACCESS,
                new TeamAccess(caller, TEAM, false, null, role, role != null, null));
    }

    private static MetaData inOrganization(Caller caller, MembershipRole role) {
        return CallerMetaData.of(caller).and(IdentityCommandFacts.ACCESS,
                new TeamAccess(caller, ORGANIZATION, true, ORGANIZATION, role, role != null, role));
    }

    private static MetaData withTargets(MetaData metaData) {
        return metaData.and(Workflow.TARGETS, TARGETS);
    }

    // ---------------------------------------------------------------- history

    private static WorkflowCreated annsWorkflow() {
        return new WorkflowCreated(WORKFLOW, ANN_ID, null, defaults("Remind"));
    }

    private static WorkflowCreated teamWorkflow() {
        return new WorkflowCreated(WORKFLOW, ANN_ID, TEAM, defaults("Team reminder"));
    }

    private static WorkflowCreated organizationWorkflow() {
        return new WorkflowCreated(WORKFLOW, ANN_ID, ORGANIZATION, defaults("Org reminder"));
    }

    private static WorkflowStepAdded added(int stepId, int stepNumber) {
        return new WorkflowStepAdded(WORKFLOW, stepId, stepNumber, completed(emailAttendee("Step " + stepId)), EARLIER);
    }

    /** Ann's workflow with steps 501, 502 and 503, numbered 1 to 3. */
    private TestExecutor<Workflow> givenThreeSteps() {
        return fixture.given(annsWorkflow(), added(501, 1), added(502, 2), added(503, 3));
    }

    // ================================================================ CreateWorkflow

    @Test
    void a_users_workflow_is_created_with_cal_coms_defaults_for_what_it_does_not_say() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, named("Remind"), null), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new WorkflowCreated(WORKFLOW, ANN_ID, null, defaults("Remind")));
    }

    @Test
    void a_workflow_created_with_steps_numbers_them_from_one_with_the_step_defaults() {
        WorkflowSettings settings = new WorkflowSettings("After", WorkflowTriggerEvents.AFTER_EVENT, 2, TimeUnit.day,
                true);
        WorkflowStepSettings sms = new WorkflowStepSettings(WorkflowActions.SMS_NUMBER, WorkflowTemplates.CUSTOM,
                "Thanks", null, "+4915112345678", null, "Cal", true);
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, settings, List.of(
                        new NewWorkflowStep(501, emailAttendee("Hi")), new NewWorkflowStep(502, sms))), as(ANN))
                .expectEvents(new WorkflowCreated(WORKFLOW, ANN_ID, null, settings),
                        new WorkflowStepAdded(WORKFLOW, 501, 1, completed(emailAttendee("Hi")), NOW),
                        new WorkflowStepAdded(WORKFLOW, 502, 2, sms, NOW));
    }

    @Test
    void a_system_admin_may_create_a_workflow_for_a_user() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, named("Remind"), null), as(SYSTEM_ADMIN))
                .expectEvents(new WorkflowCreated(WORKFLOW, ANN_ID, null, defaults("Remind")));
    }

    @Test
    void a_teams_admin_creates_a_team_workflow_whose_user_is_its_maker_as_in_cal_com() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, null, TEAM, named("Team reminder"), null),
                        inTeam(ANN, MembershipRole.ADMIN))
                .expectEvents(new WorkflowCreated(WORKFLOW, ANN_ID, TEAM, defaults("Team reminder")));
    }

    @Test
    void a_team_workflow_by_a_plain_member_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, null, TEAM, named("Team reminder"), null),
                        inTeam(BOB, MembershipRole.MEMBER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_workflow_of_a_team_that_does_not_exist_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, null, TEAM, named("Team reminder"), null), as(ANN))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_workflow_for_someone_else_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, named("Remind"), null), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_workflow_of_both_a_user_and_a_team_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, TEAM, named("Remind"), null), inTeam(ANN, MembershipRole.OWNER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A workflow belongs to a user or to a team")
                .expectNoEvents();
    }

    @Test
    void a_workflow_of_neither_a_user_nor_a_team_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, null, null, named("Remind"), null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_workflow_without_a_name_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, named("  "), null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A workflow has a name")
                .expectNoEvents();
    }

    @Test
    void a_before_event_workflow_with_time_zero_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null,
                        new WorkflowSettings("Remind", WorkflowTriggerEvents.BEFORE_EVENT, 0, TimeUnit.hour, null), null),
                        as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("BEFORE_EVENT needs a time above 0 and a timeUnit")
                .expectNoEvents();
    }

    @Test
    void a_workflow_with_a_negative_time_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null,
                        new WorkflowSettings("Remind", WorkflowTriggerEvents.NEW_EVENT, -1, TimeUnit.hour, null), null),
                        as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_untimed_trigger_needs_no_time() {
        WorkflowSettings settings = new WorkflowSettings("Thanks", WorkflowTriggerEvents.NEW_EVENT, 0, TimeUnit.hour,
                false);
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, settings, null), as(ANN))
                .expectEvents(new WorkflowCreated(WORKFLOW, ANN_ID, null, settings));
    }

    @Test
    void a_workflow_whose_first_step_has_no_action_is_rejected_whole() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, named("Remind"),
                        List.of(new NewWorkflowStep(501, step(null)))), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A workflow step has an action")
                .expectNoEvents();
    }

    @Test
    void a_workflow_naming_one_step_id_twice_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, named("Remind"), List.of(
                        new NewWorkflowStep(501, emailAttendee("a")), new NewWorkflowStep(501, emailAttendee("b")))),
                        as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    // ================================================================ step rules: numbers for SMS and WhatsApp

    private void creatingWithStepIsRejected(WorkflowStepSettings step, String message) {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, named("Remind"),
                        List.of(new NewWorkflowStep(501, step))), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    @Test
    void an_sms_to_a_number_without_the_number_is_rejected() {
        creatingWithStepIsRejected(step(WorkflowActions.SMS_NUMBER),
                "SMS_NUMBER needs a phone number in sendTo, such as +4915112345678");
    }

    @Test
    void a_whatsapp_to_a_number_that_is_no_phone_number_is_rejected() {
        creatingWithStepIsRejected(new WorkflowStepSettings(WorkflowActions.WHATSAPP_NUMBER, null, null, null,
                        "0151 1234", null, null, null),
                "WHATSAPP_NUMBER needs a phone number in sendTo, such as +4915112345678");
    }

    @Test
    void an_sms_to_the_attendee_that_does_not_say_whether_the_number_is_required_is_rejected() {
        creatingWithStepIsRejected(step(WorkflowActions.SMS_ATTENDEE),
                "SMS_ATTENDEE needs numberRequired: whether the attendee must give a number");
    }

    @Test
    void a_whatsapp_to_the_attendee_that_does_not_say_whether_the_number_is_required_is_rejected() {
        creatingWithStepIsRejected(step(WorkflowActions.WHATSAPP_ATTENDEE),
                "WHATSAPP_ATTENDEE needs numberRequired: whether the attendee must give a number");
    }

    @Test
    void an_email_to_an_address_without_the_address_is_rejected() {
        creatingWithStepIsRejected(step(WorkflowActions.EMAIL_ADDRESS), "EMAIL_ADDRESS needs an email address in sendTo");
    }

    @Test
    void a_step_that_sends_to_the_attendee_or_host_keeps_no_send_to_as_cal_com_clears_it() {
        WorkflowStepSettings withNumber = new WorkflowStepSettings(WorkflowActions.SMS_ATTENDEE, null, "Soon", null,
                "+4915112345678", true, null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, named("Remind"),
                        List.of(new NewWorkflowStep(501, withNumber))), as(ANN))
                .expectEvents(new WorkflowCreated(WORKFLOW, ANN_ID, null, defaults("Remind")),
                        new WorkflowStepAdded(WORKFLOW, 501, 1, new WorkflowStepSettings(WorkflowActions.SMS_ATTENDEE,
                                WorkflowTemplates.REMINDER, "Soon", null, null, true, null, false), NOW));
    }

    // ================================================================ UpdateWorkflow

    @Test
    void an_update_changes_what_it_names_and_keeps_the_rest() {
        fixture.given(annsWorkflow())
                .when(new UpdateWorkflow(WORKFLOW, new WorkflowSettings("Renamed", null, 30, TimeUnit.minute, true)),
                        as(ANN))
                .expectEvents(new WorkflowUpdated(WORKFLOW, ANN_ID, null, new WorkflowSettings("Renamed",
                        WorkflowTriggerEvents.BEFORE_EVENT, 30, TimeUnit.minute, true)));
    }

    @Test
    void an_update_that_changes_nothing_records_nothing() {
        fixture.given(annsWorkflow())
                .when(new UpdateWorkflow(WORKFLOW, named("Remind")), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_after_event_workflow_without_a_time_unit_is_rejected() {
        fixture.given(new WorkflowCreated(WORKFLOW, ANN_ID, null,
                        new WorkflowSettings("Thanks", WorkflowTriggerEvents.NEW_EVENT, null, null, false)))
                .when(new UpdateWorkflow(WORKFLOW, new WorkflowSettings(null, WorkflowTriggerEvents.AFTER_EVENT, 1,
                        null, null)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("AFTER_EVENT needs a time above 0 and a timeUnit")
                .expectNoEvents();
    }

    @Test
    void changing_someone_elses_workflow_is_rejected() {
        fixture.given(annsWorkflow())
                .when(new UpdateWorkflow(WORKFLOW, named("Mine")), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_teams_admin_changes_a_team_workflow_made_by_someone_else() {
        fixture.given(teamWorkflow())
                .when(new UpdateWorkflow(WORKFLOW, named("Ours")), inTeam(BOB, MembershipRole.ADMIN))
                .expectEvents(new WorkflowUpdated(WORKFLOW, ANN_ID, TEAM, defaults("Ours")));
    }

    @Test
    void a_plain_member_changing_a_team_workflow_is_rejected_even_as_its_maker() {
        fixture.given(teamWorkflow())
                .when(new UpdateWorkflow(WORKFLOW, named("Mine")), inTeam(ANN, MembershipRole.MEMBER))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only an admin or owner of team 10 changes its workflows")
                .expectNoEvents();
    }

    // ================================================================ DeleteWorkflow

    @Test
    void the_owner_deletes_a_workflow() {
        givenThreeSteps()
                .when(new DeleteWorkflow(WORKFLOW), as(ANN))
                .expectEvents(new WorkflowDeleted(WORKFLOW, ANN_ID, null))
                .expectMarkedDeleted();
    }

    @Test
    void deleting_someone_elses_workflow_is_rejected() {
        fixture.given(annsWorkflow())
                .when(new DeleteWorkflow(WORKFLOW), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_plain_member_deleting_a_team_workflow_is_rejected() {
        fixture.given(teamWorkflow())
                .when(new DeleteWorkflow(WORKFLOW), inTeam(BOB, MembershipRole.MEMBER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ================================================================ AddWorkflowStep

    @Test
    void a_step_added_without_a_number_goes_last() {
        givenThreeSteps()
                .when(new AddWorkflowStep(WORKFLOW, 504, null, emailAttendee("Four")), as(ANN))
                .expectEvents(new WorkflowStepAdded(WORKFLOW, 504, 4, completed(emailAttendee("Four")), NOW));
    }

    @Test
    void a_step_added_first_moves_the_others_down() {
        givenThreeSteps()
                .when(new AddWorkflowStep(WORKFLOW, 504, 1, emailAttendee("First")), as(ANN))
                .expectEvents(new WorkflowStepAdded(WORKFLOW, 504, 1, completed(emailAttendee("First")), NOW),
                        new WorkflowStepsReordered(WORKFLOW, List.of(504, 501, 502, 503)));
    }

    @Test
    void a_step_added_after_a_removal_gets_the_next_number_so_numbers_stay_contiguous() {
        fixture.given(annsWorkflow(), added(501, 1), added(502, 2), added(503, 3), new WorkflowStepRemoved(WORKFLOW, 502),
                        new WorkflowStepsReordered(WORKFLOW, List.of(501, 503)))
                .when(new AddWorkflowStep(WORKFLOW, 504, null, emailAttendee("Again")), as(ANN))
                .expectEvents(new WorkflowStepAdded(WORKFLOW, 504, 3, completed(emailAttendee("Again")), NOW));
    }

    @Test
    void a_step_with_a_number_beyond_the_end_is_rejected() {
        givenThreeSteps()
                .when(new AddWorkflowStep(WORKFLOW, 504, 5, emailAttendee("Far")), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A new step's number is 1 to 4")
                .expectNoEvents();
    }

    @Test
    void a_step_numbered_zero_is_rejected() {
        givenThreeSteps()
                .when(new AddWorkflowStep(WORKFLOW, 504, 0, emailAttendee("Zero")), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_step_with_an_id_the_workflow_has_is_rejected() {
        givenThreeSteps()
                .when(new AddWorkflowStep(WORKFLOW, 502, null, emailAttendee("Twin")), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_sms_step_without_a_number_is_rejected_when_added() {
        givenThreeSteps()
                .when(new AddWorkflowStep(WORKFLOW, 504, null, step(WorkflowActions.SMS_NUMBER)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void adding_a_step_to_someone_elses_workflow_is_rejected() {
        givenThreeSteps()
                .when(new AddWorkflowStep(WORKFLOW, 504, null, emailAttendee("Mine")), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ================================================================ EditWorkflowStep

    @Test
    void editing_a_step_changes_what_it_names() {
        WorkflowStepSettings change = new WorkflowStepSettings(WorkflowActions.SMS_NUMBER, null, "Short", null,
                "+14155550123", null, null, null);
        givenThreeSteps()
                .when(new EditWorkflowStep(WORKFLOW, 502, change), as(ANN))
                .expectEvents(new WorkflowStepEdited(WORKFLOW, 502, new WorkflowStepSettings(WorkflowActions.SMS_NUMBER,
                        WorkflowTemplates.REMINDER, "Short", "Step 502", "+14155550123", null, null, false), NOW));
    }

    @Test
    void an_imported_workflows_steps_are_edited_as_any_others() {
        WorkflowStepSettings change = new WorkflowStepSettings(WorkflowActions.SMS_NUMBER, null, "Short", null,
                "+14155550123", null, null, null);
        fixture.given(annsWorkflow(), added(501, 1), added(502, 2), new WorkflowColumnsImported(WORKFLOW, 3,
                        List.of(new WorkflowColumnsImported.StepColumns(502, true, "agent-1", null))))
                .when(new EditWorkflowStep(WORKFLOW, 502, change), as(ANN))
                .expectEvents(new WorkflowStepEdited(WORKFLOW, 502, new WorkflowStepSettings(WorkflowActions.SMS_NUMBER,
                        WorkflowTemplates.REMINDER, "Short", "Step 502", "+14155550123", null, null, false), NOW));
    }

    @Test
    void an_edit_that_changes_nothing_records_nothing() {
        givenThreeSteps()
                .when(new EditWorkflowStep(WORKFLOW, 502, emailAttendee("Step 502")), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void editing_a_step_into_an_sms_without_a_number_is_rejected() {
        givenThreeSteps()
                .when(new EditWorkflowStep(WORKFLOW, 502, step(WorkflowActions.SMS_NUMBER)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void editing_a_step_the_workflow_does_not_have_is_rejected() {
        givenThreeSteps()
                .when(new EditWorkflowStep(WORKFLOW, 599, emailAttendee("None")), as(ANN))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void editing_a_step_of_someone_elses_workflow_is_rejected() {
        givenThreeSteps()
                .when(new EditWorkflowStep(WORKFLOW, 502, emailAttendee("Mine")), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_edit_follows_an_earlier_edit_of_the_same_step() {
        fixture.given(annsWorkflow(), added(501, 1),
                        new WorkflowStepEdited(WORKFLOW, 501, completed(emailAttendee("Edited")), EARLIER))
                .when(new EditWorkflowStep(WORKFLOW, 501, emailAttendee("Edited")), as(ANN))
                .expectNoEvents();
    }

    // ================================================================ RemoveWorkflowStep

    @Test
    void removing_a_middle_step_moves_the_later_ones_up() {
        givenThreeSteps()
                .when(new RemoveWorkflowStep(WORKFLOW, 501), as(ANN))
                .expectEvents(new WorkflowStepRemoved(WORKFLOW, 501),
                        new WorkflowStepsReordered(WORKFLOW, List.of(502, 503)));
    }

    @Test
    void removing_the_last_step_needs_no_renumbering() {
        givenThreeSteps()
                .when(new RemoveWorkflowStep(WORKFLOW, 503), as(ANN))
                .expectEvents(new WorkflowStepRemoved(WORKFLOW, 503));
    }

    @Test
    void removing_a_step_after_a_reorder_renumbers_by_the_new_order() {
        fixture.given(annsWorkflow(), added(501, 1), added(502, 2), added(503, 3),
                        new WorkflowStepsReordered(WORKFLOW, List.of(503, 501, 502)))
                .when(new RemoveWorkflowStep(WORKFLOW, 503), as(ANN))
                .expectEvents(new WorkflowStepRemoved(WORKFLOW, 503),
                        new WorkflowStepsReordered(WORKFLOW, List.of(501, 502)));
    }

    @Test
    void removing_a_step_the_workflow_does_not_have_is_rejected() {
        givenThreeSteps()
                .when(new RemoveWorkflowStep(WORKFLOW, 599), as(ANN))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void removing_a_step_of_someone_elses_workflow_is_rejected() {
        givenThreeSteps()
                .when(new RemoveWorkflowStep(WORKFLOW, 501), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ================================================================ ReorderWorkflowSteps

    @Test
    void reordering_numbers_the_steps_in_the_new_order() {
        givenThreeSteps()
                .when(new ReorderWorkflowSteps(WORKFLOW, List.of(503, 501, 502)), as(ANN))
                .expectEvents(new WorkflowStepsReordered(WORKFLOW, List.of(503, 501, 502)));
    }

    @Test
    void the_same_order_records_nothing() {
        givenThreeSteps()
                .when(new ReorderWorkflowSteps(WORKFLOW, List.of(501, 502, 503)), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_order_that_leaves_out_a_step_is_rejected() {
        givenThreeSteps()
                .when(new ReorderWorkflowSteps(WORKFLOW, List.of(503, 501)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A new order names every step of workflow 40 once: [501, 502, 503]")
                .expectNoEvents();
    }

    @Test
    void an_order_that_names_a_step_twice_is_rejected() {
        givenThreeSteps()
                .when(new ReorderWorkflowSteps(WORKFLOW, List.of(503, 501, 502, 501)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_order_with_a_foreign_step_is_rejected() {
        givenThreeSteps()
                .when(new ReorderWorkflowSteps(WORKFLOW, List.of(503, 501, 599)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void reordering_someone_elses_workflow_is_rejected() {
        givenThreeSteps()
                .when(new ReorderWorkflowSteps(WORKFLOW, List.of(503, 501, 502)), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ================================================================ SetWorkflowActivation

    private static SetWorkflowActivation onEventTypes(Integer... eventTypeIds) {
        List<Integer> ids = List.of(eventTypeIds);
        return new SetWorkflowActivation(WORKFLOW, ids, List.of(), ids.stream().map(id -> id + 9000).toList(), List.of());
    }

    private static SetWorkflowActivation onTeams(Integer... teamIds) {
        List<Integer> ids = List.of(teamIds);
        return new SetWorkflowActivation(WORKFLOW, List.of(), ids, List.of(), ids.stream().map(id -> id + 8000).toList());
    }

    @Test
    void a_users_workflow_is_activated_on_their_own_event_type() {
        fixture.given(annsWorkflow())
                .when(onEventTypes(ANNS_EVENT_TYPE), withTargets(as(ANN)))
                .expectEvents(new WorkflowActivationSet(WORKFLOW, ANN_ID, null,
                        List.of(new WorkflowActivation(9070, ANNS_EVENT_TYPE)), List.of()));
    }

    @Test
    void an_activation_that_stays_keeps_its_row_and_one_that_goes_is_dropped() {
        fixture.given(teamWorkflow(), new WorkflowActivationSet(WORKFLOW, ANN_ID, TEAM,
                        List.of(new WorkflowActivation(5, TEAM_EVENT_TYPE)), List.of()))
                .when(onEventTypes(TEAM_EVENT_TYPE), withTargets(inTeam(ANN, MembershipRole.OWNER)))
                .expectNoEvents();
        fixture.given(annsWorkflow(), new WorkflowActivationSet(WORKFLOW, ANN_ID, null,
                        List.of(new WorkflowActivation(5, ANNS_EVENT_TYPE)), List.of()))
                .when(onEventTypes(), withTargets(as(ANN)))
                .expectEvents(new WorkflowActivationSet(WORKFLOW, ANN_ID, null, List.of(), List.of()));
    }

    @Test
    void a_kept_activation_keeps_its_row_id_beside_a_new_one() {
        SetWorkflowActivation command = new SetWorkflowActivation(WORKFLOW, List.of(ANNS_OTHER_EVENT_TYPE,
                ANNS_EVENT_TYPE), List.of(), List.of(1074, 1070), List.of());
        fixture.given(annsWorkflow(), new WorkflowActivationSet(WORKFLOW, ANN_ID, null,
                        List.of(new WorkflowActivation(5, ANNS_EVENT_TYPE)), List.of()))
                .when(command, withTargets(as(ANN)))
                .expectEvents(new WorkflowActivationSet(WORKFLOW, ANN_ID, null, List.of(
                        new WorkflowActivation(1074, ANNS_OTHER_EVENT_TYPE), new WorkflowActivation(5, ANNS_EVENT_TYPE)),
                        List.of()));
    }

    @Test
    void a_users_workflow_on_someone_elses_event_type_is_rejected() {
        fixture.given(annsWorkflow())
                .when(onEventTypes(ANNS_EVENT_TYPE, BOBS_EVENT_TYPE), withTargets(as(ANN)))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Workflow 40 may be active only on event types of user 1, not on 71")
                .expectNoEvents();
    }

    @Test
    void a_users_workflow_on_a_team_event_type_is_rejected() {
        fixture.given(annsWorkflow())
                .when(onEventTypes(TEAM_EVENT_TYPE), withTargets(as(ANN)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_activation_on_an_event_type_that_does_not_exist_is_rejected() {
        fixture.given(annsWorkflow())
                .when(onEventTypes(999), withTargets(as(ANN)))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_team_workflow_is_activated_on_the_teams_event_type() {
        fixture.given(teamWorkflow())
                .when(onEventTypes(TEAM_EVENT_TYPE), withTargets(inTeam(ANN, MembershipRole.ADMIN)))
                .expectEvents(new WorkflowActivationSet(WORKFLOW, ANN_ID, TEAM,
                        List.of(new WorkflowActivation(9072, TEAM_EVENT_TYPE)), List.of()));
    }

    @Test
    void a_team_workflow_on_another_teams_event_type_is_rejected() {
        fixture.given(teamWorkflow())
                .when(onEventTypes(OTHER_TEAMS_EVENT_TYPE), withTargets(inTeam(ANN, MembershipRole.ADMIN)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_team_workflow_on_a_members_own_event_type_is_rejected() {
        fixture.given(teamWorkflow())
                .when(onEventTypes(ANNS_EVENT_TYPE), withTargets(inTeam(ANN, MembershipRole.ADMIN)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void activating_a_team_workflow_as_a_plain_member_is_rejected() {
        fixture.given(teamWorkflow())
                .when(onEventTypes(TEAM_EVENT_TYPE), withTargets(inTeam(BOB, MembershipRole.MEMBER)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void activating_someone_elses_workflow_is_rejected() {
        fixture.given(annsWorkflow())
                .when(onEventTypes(BOBS_EVENT_TYPE), withTargets(as(BOB)))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only user 1 changes workflow 40")
                .expectNoEvents();
    }

    @Test
    void a_workflow_other_than_an_organizations_on_teams_is_rejected() {
        fixture.given(teamWorkflow())
                .when(onTeams(SUB_TEAM), withTargets(inTeam(ANN, MembershipRole.ADMIN)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Only an organization's workflow is active on teams")
                .expectNoEvents();
    }

    @Test
    void an_organizations_workflow_is_activated_on_its_teams() {
        fixture.given(organizationWorkflow())
                .when(onTeams(SUB_TEAM), withTargets(inOrganization(ANN, MembershipRole.ADMIN)))
                .expectEvents(new WorkflowActivationSet(WORKFLOW, ANN_ID, ORGANIZATION, List.of(),
                        List.of(new WorkflowActivation(8021, SUB_TEAM))));
    }

    @Test
    void an_organizations_workflow_on_another_organizations_team_is_rejected() {
        fixture.given(organizationWorkflow())
                .when(onTeams(FOREIGN_SUB_TEAM), withTargets(inOrganization(ANN, MembershipRole.ADMIN)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_organizations_workflow_on_a_team_outside_any_organization_is_rejected() {
        fixture.given(organizationWorkflow())
                .when(onTeams(TEAM), withTargets(inOrganization(ANN, MembershipRole.ADMIN)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_organizations_workflow_on_event_types_is_rejected() {
        fixture.given(organizationWorkflow())
                .when(onEventTypes(TEAM_EVENT_TYPE), withTargets(inOrganization(ANN, MembershipRole.ADMIN)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An organization's workflow is active on its teams, not on event types")
                .expectNoEvents();
    }

    @Test
    void an_activation_naming_an_event_type_twice_is_rejected() {
        fixture.given(annsWorkflow())
                .when(onEventTypes(ANNS_EVENT_TYPE, ANNS_EVENT_TYPE), withTargets(as(ANN)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_new_activation_without_a_row_id_is_rejected_as_a_concurrent_change() {
        fixture.given(annsWorkflow())
                .when(new SetWorkflowActivation(WORKFLOW, List.of(ANNS_EVENT_TYPE), List.of(), List.of(), List.of()),
                        withTargets(as(ANN)))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_team_workflow_on_a_managed_event_type_is_active_on_its_children_too_as_in_cal_com() {
        fixture.given(teamWorkflow())
                .when(new SetWorkflowActivation(WORKFLOW, List.of(TEAM_EVENT_TYPE, MANAGED), List.of(),
                        List.of(901, 902, 903, 904), List.of()), withTargets(inTeam(ANN, MembershipRole.ADMIN)))
                .expectEvents(new WorkflowActivationSet(WORKFLOW, ANN_ID, TEAM, List.of(
                        new WorkflowActivation(901, TEAM_EVENT_TYPE), new WorkflowActivation(902, MANAGED),
                        new WorkflowActivation(903, ANNS_CHILD), new WorkflowActivation(904, BOBS_CHILD)), List.of()));
    }

    @Test
    void a_child_assigned_while_activating_leaves_too_few_row_ids_and_is_rejected_as_a_concurrent_change() {
        fixture.given(teamWorkflow())
                .when(new SetWorkflowActivation(WORKFLOW, List.of(MANAGED), List.of(), List.of(901, 902), List.of()),
                        withTargets(inTeam(ANN, MembershipRole.ADMIN)))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- cal.com's one-call create and PATCH

    private static WorkflowTargets onEventTypes(List<Integer> eventTypeIds, List<Integer> rowIds) {
        return new WorkflowTargets(eventTypeIds, List.of(), rowIds, List.of());
    }

    @Test
    void a_workflow_created_with_an_activation_is_active_at_once_and_answers_itself() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, named("Remind"),
                        List.of(new NewWorkflowStep(501, emailAttendee("Hi"))),
                        onEventTypes(List.of(ANNS_EVENT_TYPE), List.of(901))), withTargets(CallerMetaData.of(ANN)))
                .expectEvents(new WorkflowCreated(WORKFLOW, ANN_ID, null, defaults("Remind")),
                        new WorkflowStepAdded(WORKFLOW, 501, 1, completed(emailAttendee("Hi")), NOW),
                        new WorkflowActivationSet(WORKFLOW, ANN_ID, null,
                                List.of(new WorkflowActivation(901, ANNS_EVENT_TYPE)), List.of()))
                .expectResultMessagePayload(new WorkflowView(WORKFLOW, ANN_ID, null, 0, defaults("Remind"),
                        List.of(new WorkflowStepView(501, 1, completed(emailAttendee("Hi")), false, NOW)),
                        List.of(ANNS_EVENT_TYPE), List.of()));
    }

    @Test
    void a_workflow_created_active_on_someone_elses_event_type_is_not_created_at_all() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, ANN_ID, null, named("Remind"), List.of(),
                        onEventTypes(List.of(BOBS_EVENT_TYPE), List.of(901))), withTargets(CallerMetaData.of(ANN)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_team_workflow_created_active_on_the_teams_event_type_is_active_on_it() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkflow(WORKFLOW, null, TEAM, named("Team reminder"), List.of(),
                        onEventTypes(List.of(TEAM_EVENT_TYPE), List.of(901))),
                        withTargets(inTeam(ANN, MembershipRole.ADMIN)))
                .expectEvents(new WorkflowCreated(WORKFLOW, ANN_ID, TEAM, defaults("Team reminder")),
                        new WorkflowActivationSet(WORKFLOW, ANN_ID, TEAM,
                                List.of(new WorkflowActivation(901, TEAM_EVENT_TYPE)), List.of()));
    }

    @Test
    void replacing_the_steps_keeps_changes_and_reorders_the_listed_ones_adds_new_ones_and_removes_the_rest() {
        WorkflowStepSettings changed = emailAttendee("Changed");
        givenThreeSteps()
                .when(new UpdateWorkflow(WORKFLOW, named(null), List.of(new NewWorkflowStep(503, changed),
                        new NewWorkflowStep(504, step(WorkflowActions.EMAIL_HOST)),
                        new NewWorkflowStep(501, emailAttendee("Step 501"))), null), as(ANN))
                .expectEvents(new WorkflowStepRemoved(WORKFLOW, 502),
                        new WorkflowStepEdited(WORKFLOW, 503, completed(changed), NOW),
                        new WorkflowStepAdded(WORKFLOW, 504, 3, completed(step(WorkflowActions.EMAIL_HOST)), NOW),
                        new WorkflowStepsReordered(WORKFLOW, List.of(503, 504, 501)));
    }

    @Test
    void replacing_the_steps_with_the_same_steps_changes_nothing() {
        givenThreeSteps()
                .when(new UpdateWorkflow(WORKFLOW, named(null), List.of(
                        new NewWorkflowStep(501, emailAttendee("Step 501")),
                        new NewWorkflowStep(502, emailAttendee("Step 502")),
                        new NewWorkflowStep(503, emailAttendee("Step 503"))), null), as(ANN))
                .expectNoEvents();
    }

    @Test
    void removing_the_first_step_by_replacing_the_list_renumbers_the_others() {
        givenThreeSteps()
                .when(new UpdateWorkflow(WORKFLOW, named(null), List.of(
                        new NewWorkflowStep(502, emailAttendee("Step 502")),
                        new NewWorkflowStep(503, emailAttendee("Step 503"))), null), as(ANN))
                .expectEvents(new WorkflowStepRemoved(WORKFLOW, 501),
                        new WorkflowStepsReordered(WORKFLOW, List.of(502, 503)));
    }

    @Test
    void replacing_the_steps_with_an_invalid_step_changes_nothing() {
        givenThreeSteps()
                .when(new UpdateWorkflow(WORKFLOW, named("Renamed"), List.of(
                        new NewWorkflowStep(504, step(WorkflowActions.SMS_NUMBER))), null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_patch_with_an_activation_sets_it_with_the_settings() {
        fixture.given(annsWorkflow())
                .when(new UpdateWorkflow(WORKFLOW, new WorkflowSettings("Renamed", null, null, null, true), null,
                        onEventTypes(List.of(ANNS_EVENT_TYPE), List.of(901))), withTargets(CallerMetaData.of(ANN)))
                .expectEvents(new WorkflowUpdated(WORKFLOW, ANN_ID, null, new WorkflowSettings("Renamed",
                                WorkflowTriggerEvents.BEFORE_EVENT, 24, TimeUnit.hour, true)),
                        new WorkflowActivationSet(WORKFLOW, ANN_ID, null,
                                List.of(new WorkflowActivation(901, ANNS_EVENT_TYPE)), List.of()));
    }

    @Test
    void a_patch_activating_someone_elses_event_type_changes_not_even_the_name() {
        fixture.given(annsWorkflow())
                .when(new UpdateWorkflow(WORKFLOW, named("Renamed"), null,
                        onEventTypes(List.of(BOBS_EVENT_TYPE), List.of(901))), withTargets(CallerMetaData.of(ANN)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_patch_by_someone_else_is_refused() {
        givenThreeSteps()
                .when(new UpdateWorkflow(WORKFLOW, named(null), List.of(), null), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_deleted_workflow_takes_no_more_commands() {
        fixture.given(annsWorkflow(), new WorkflowDeleted(WORKFLOW, ANN_ID, null))
                .when(new UpdateWorkflow(WORKFLOW, named("Back")), as(ANN))
                .expectException(org.axonframework.eventsourcing.AggregateDeletedException.class)
                .expectNoEvents();
    }
}
