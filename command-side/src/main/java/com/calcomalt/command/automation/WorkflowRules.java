package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowTemplates;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a workflow and its steps must say, and cal.com's defaults for what they do not. Public for the cal.com
 * import, which reports the workflows and steps these rules refuse.
 */
public final class WorkflowRules {

    /** cal.com's new workflow: 24 hours before the event, active on nothing yet. */
    static final WorkflowSettings DEFAULTS = new WorkflowSettings(null, WorkflowTriggerEvents.BEFORE_EVENT, 24,
            TimeUnit.hour, false);

    /** A phone number in international form (E.164), as cal.com's phone input produces it. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private WorkflowRules() {
    }

    static WorkflowSettings merge(WorkflowSettings current, WorkflowSettings change) {
        return new WorkflowSettings(
                change.name() != null ? change.name() : current.name(),
                change.trigger() != null ? change.trigger() : current.trigger(),
                change.time() != null ? change.time() : current.time(),
                change.timeUnit() != null ? change.timeUnit() : current.timeUnit(),
                change.isActiveOnAll() != null ? change.isActiveOnAll() : current.isActiveOnAll());
    }

    public static WorkflowSettings require(WorkflowSettings settings) {
        if (settings.name() == null || settings.name().isBlank()) {
            throw new DomainRuleViolation("A workflow has a name");
        }
        if (settings.time() != null && settings.time() < 0) {
            throw new DomainRuleViolation("A workflow's time is not negative");
        }
        if (settings.trigger().isTimed()
                && (settings.time() == null || settings.time() <= 0 || settings.timeUnit() == null)) {
            throw new DomainRuleViolation(settings.trigger() + " needs a time above 0 and a timeUnit");
        }
        return settings;
    }

    /** A new step's settings: cal.com's column defaults for what it does not say. */
    static WorkflowStepSettings complete(WorkflowStepSettings step) {
        return require(new WorkflowStepSettings(step.action(),
                Objects.requireNonNullElse(step.template(), WorkflowTemplates.REMINDER), step.reminderBody(),
                step.emailSubject(), step.sendTo(), step.numberRequired(), step.sender(),
                Objects.requireNonNullElse(step.includeCalendarEvent(), false)));
    }

    static WorkflowStepSettings merge(WorkflowStepSettings current, WorkflowStepSettings change) {
        return require(new WorkflowStepSettings(
                change.action() != null ? change.action() : current.action(),
                change.template() != null ? change.template() : current.template(),
                change.reminderBody() != null ? change.reminderBody() : current.reminderBody(),
                change.emailSubject() != null ? change.emailSubject() : current.emailSubject(),
                change.sendTo() != null ? change.sendTo() : current.sendTo(),
                change.numberRequired() != null ? change.numberRequired() : current.numberRequired(),
                change.sender() != null ? change.sender() : current.sender(),
                change.includeCalendarEvent() != null ? change.includeCalendarEvent() : current.includeCalendarEvent()));
    }

    /**
     * SMS and WhatsApp steps need a number, as cal.com keeps it: a *_NUMBER step sends to the phone
     * number in sendTo; an *_ATTENDEE step sends to the number the attendee gives when booking, and
     * its numberRequired says whether the booking form demands that number (cal.com adds the phone
     * field to the event types from it), so it must be stated. Only *_NUMBER and EMAIL_ADDRESS keep
     * a sendTo; cal.com clears it for the others.
     */
    public static WorkflowStepSettings require(WorkflowStepSettings step) {
        WorkflowActions action = step.action();
        if (action == null) {
            throw new DomainRuleViolation("A workflow step has an action");
        }
        if (action.sendsToNumber() && (step.sendTo() == null || !PHONE_NUMBER.matcher(step.sendTo()).matches())) {
            throw new DomainRuleViolation(action + " needs a phone number in sendTo, such as +4915112345678");
        }
        if (action.sendsToAttendeeNumber() && step.numberRequired() == null) {
            throw new DomainRuleViolation(action + " needs numberRequired: whether the attendee must give a number");
        }
        if (action == WorkflowActions.EMAIL_ADDRESS && (step.sendTo() == null || !step.sendTo().contains("@"))) {
            throw new DomainRuleViolation("EMAIL_ADDRESS needs an email address in sendTo");
        }
        return action.keepsSendTo() ? step : new WorkflowStepSettings(action, step.template(), step.reminderBody(),
                step.emailSubject(), null, step.numberRequired(), step.sender(), step.includeCalendarEvent());
    }
}
