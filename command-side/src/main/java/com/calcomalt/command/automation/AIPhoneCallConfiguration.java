package com.calcomalt.command.automation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.automation.AIPhoneCallConfigurationIds;
import com.calcomalt.contracts.automation.AIPhoneCallConfigurationRemoved;
import com.calcomalt.contracts.automation.AIPhoneCallConfigured;
import com.calcomalt.contracts.automation.AIPhoneCallSettings;
import com.calcomalt.contracts.automation.ConfigureAIPhoneCall;
import com.calcomalt.contracts.automation.RemoveAIPhoneCallConfiguration;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The AI phone call configuration of one event type (at most one, as cal.com's unique eventTypeId
 * says). Whoever may change the event type may configure it: its user, or its team's admins and
 * owners. Removing it and configuring again makes a new row.
 */
@Aggregate
public class AIPhoneCallConfiguration {

    static final String EVENT_TYPE = "eventTypeOwner";

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}");

    @AggregateIdentifier
    private String aggregateId;
    private int eventTypeId;
    private Integer configurationId;
    private AIPhoneCallSettings settings;

    protected AIPhoneCallConfiguration() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ConfigureAIPhoneCall command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(EVENT_TYPE) ActivationTargets.Owner eventType) {
        requireEditableBy(command.eventTypeId(), eventType, caller, access);
        AIPhoneCallSettings complete = require(command.settings());
        int id = configurationId != null ? configurationId : command.configurationId();
        if (configurationId == null || !complete.equals(settings)) {
            apply(new AIPhoneCallConfigured(command.eventTypeId(), id, complete));
        }
    }

    @CommandHandler
    void handle(RemoveAIPhoneCallConfiguration command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(EVENT_TYPE) ActivationTargets.Owner eventType) {
        requireEditableBy(command.eventTypeId(), eventType, caller, access);
        if (configurationId == null) {
            throw new NotFound("Event type " + eventTypeId + " has no AI phone call configuration");
        }
        apply(new AIPhoneCallConfigurationRemoved(eventTypeId, configurationId));
    }

    private static void requireEditableBy(int eventTypeId, ActivationTargets.Owner eventType, Caller caller,
                                          TeamAccess access) {
        if (eventType == null) {
            throw new NotFound("No event type " + eventTypeId);
        }
        if (eventType.teamId() != null) {
            if (access == null || !access.runsTeam()) {
                throw new AccessDenied("Only an admin or owner of team " + eventType.teamId()
                        + " configures its event types");
            }
        } else if (caller == null || !caller.mayActAs(eventType.userId())) {
            throw new AccessDenied("Only user " + eventType.userId() + " configures event type " + eventTypeId);
        }
    }

    /** Both numbers in international form; cal.com's column defaults for the rest. */
    private static AIPhoneCallSettings require(AIPhoneCallSettings s) {
        if (s.yourPhoneNumber() == null || !PHONE_NUMBER.matcher(s.yourPhoneNumber()).matches()) {
            throw new DomainRuleViolation("yourPhoneNumber is a phone number such as +4915112345678");
        }
        if (s.numberToCall() == null || !PHONE_NUMBER.matcher(s.numberToCall()).matches()) {
            throw new DomainRuleViolation("numberToCall is a phone number such as +4915112345678");
        }
        if (s.guestEmail() != null && !s.guestEmail().contains("@")) {
            throw new DomainRuleViolation("guestEmail is an email address");
        }
        return new AIPhoneCallSettings(s.generalPrompt(), s.yourPhoneNumber(), s.numberToCall(), s.guestName(),
                Objects.requireNonNullElse(s.enabled(), false), s.beginMessage(), s.llmId(), s.guestCompany(),
                s.guestEmail(), s.schedulerName(), Objects.requireNonNullElse(s.templateType(), "CUSTOM_TEMPLATE"));
    }

    @EventSourcingHandler
    void on(AIPhoneCallConfigured event) {
        aggregateId = AIPhoneCallConfigurationIds.aggregateId(event.eventTypeId());
        eventTypeId = event.eventTypeId();
        configurationId = event.configurationId();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(AIPhoneCallConfigurationRemoved event) {
        configurationId = null;
        settings = null;
    }
}
