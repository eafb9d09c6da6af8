package com.calcomalt.contracts.automation;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A workflow as cal.com's API v2 shows an event-type workflow (its EventTypeWorkflowOutput), made
 * from the same view by both sides, so a command's answer and a read look alike. Beyond cal.com:
 * userId and teamId filled, and the teams an organization's workflow is active on.
 */
public record WorkflowOutput(int id, String name, Integer userId, Integer teamId, String type,
                             Activation activation, Trigger trigger, List<Step> steps) {

    /** cal.com's only workflow type served here; routing-form workflows have no routing forms to act on. */
    public static final String EVENT_TYPE = "event-type";

    public record Activation(boolean isActiveOnAllEventTypes, List<Integer> activeOnEventTypeIds,
                             List<Integer> activeOnTeamIds) {
    }

    /** offset is there for the triggers that fire at one, as in cal.com. */
    public record Trigger(WorkflowTriggerType type, Offset offset) {
    }

    public record Offset(int value, TimeUnit unit) {
    }

    /** email is set for email_address, phone for the *_number actions ("" otherwise), as cal.com answers. */
    public record Step(int id, int stepNumber, WorkflowStepAction action, String recipient, String email,
                       String phone, Boolean phoneRequired, WorkflowStepTemplate template,
                       boolean includeCalendarEvent, String sender, Message message) {
    }

    /** html for email actions, text for the others. */
    public record Message(String subject, String html, String text) {
    }

    public static WorkflowOutput of(WorkflowView view) {
        WorkflowSettings s = view.settings();
        WorkflowTriggerType type = WorkflowTriggerType.of(s.trigger());
        Offset offset = type != null && type.hasOffset() ? new Offset(Objects.requireNonNullElse(s.time(), 1),
                Objects.requireNonNullElse(s.timeUnit(), TimeUnit.hour)) : null;
        return new WorkflowOutput(view.id(), s.name(), view.userId(), view.teamId(), EVENT_TYPE,
                new Activation(Boolean.TRUE.equals(s.isActiveOnAll()), sorted(view.activeOnEventTypeIds()),
                        sorted(view.activeOnTeamIds())),
                new Trigger(type, offset),
                view.steps().stream().sorted(Comparator.comparingInt(WorkflowStepView::stepNumber))
                        .map(WorkflowOutput::step).toList());
    }

    private static Step step(WorkflowStepView view) {
        WorkflowStepSettings s = view.settings();
        WorkflowStepAction action = WorkflowStepAction.of(s.action());
        String sendTo = Objects.requireNonNullElse(s.sendTo(), "");
        String body = Objects.requireNonNullElse(s.reminderBody(), "");
        return new Step(view.id(), view.stepNumber(), action, action.recipient(),
                "email".equals(action.recipient()) ? sendTo : "",
                "phone_number".equals(action.recipient()) ? sendTo : "",
                s.action().sendsToAttendeeNumber() ? Boolean.TRUE.equals(s.numberRequired()) : null,
                WorkflowStepTemplate.of(s.template()), Boolean.TRUE.equals(s.includeCalendarEvent()),
                Objects.requireNonNullElse(s.sender(), "Default Sender"),
                new Message(Objects.requireNonNullElse(s.emailSubject(), ""), action.sendsEmail() ? body : null,
                        action.sendsEmail() ? null : body));
    }

    private static List<Integer> sorted(List<Integer> ids) {
        return ids == null ? List.of() : ids.stream().sorted().toList();
    }
}
