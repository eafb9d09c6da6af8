package com.calcomalt.command.calendar;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.calendar.CreateDelegationCredential;
import com.calcomalt.contracts.calendar.DelegationCredentialCreated;
import com.calcomalt.contracts.calendar.DelegationCredentialDisabled;
import com.calcomalt.contracts.calendar.DelegationCredentialEnabled;
import com.calcomalt.contracts.calendar.DelegationCredentialIds;
import com.calcomalt.contracts.calendar.DelegationCredentialKeyChanged;
import com.calcomalt.contracts.calendar.DelegationCredentialView;
import com.calcomalt.contracts.calendar.DelegationWorkspacePlatform;
import com.calcomalt.contracts.calendar.UpdateDelegationCredential;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An organization's delegation to a workspace platform (Google Workspace, Microsoft 365) for the
 * users of one email domain, as cal.com's DelegationCredential row. Managed by the organization's
 * ADMINs and OWNERs; one per organization and domain, which {@link DelegationCredentialRegistry}
 * keeps. The service account key is sealed before it gets here and is only passed on.
 */
@Aggregate
public class DelegationCredential {

    @AggregateIdentifier
    private String aggregateId;
    private String delegationCredentialId;
    private int organizationId;
    private int workspacePlatformId;
    private String domain;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant lastEnabledAt;
    private Instant lastDisabledAt;

    protected DelegationCredential() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    DelegationCredentialView handle(CreateDelegationCredential command,
                                    @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                                    @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        DelegationCredentialRules.requireRunsOrganization(caller, access, command.organizationId());
        apply(new DelegationCredentialCreated(command.delegationCredentialId(), command.organizationId(),
                DelegationCredentialRules.workspacePlatform(command.workspacePlatformId()),
                DelegationCredentialRules.domain(command.domain()),
                DelegationCredentialRules.serviceAccountKey(command.encryptedServiceAccountKey()), clock.instant()));
        return view();
    }

    /**
     * A new key disables the credential, as in cal.com: the workspace has not been shown to accept it,
     * unless the same request enables it again.
     */
    @CommandHandler
    DelegationCredentialView handle(UpdateDelegationCredential command,
                                    @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                                    @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        if (command.organizationId() != organizationId) {
            throw new NotFound("No delegation credential " + delegationCredentialId + " in organization "
                    + command.organizationId());
        }
        DelegationCredentialRules.requireRunsOrganization(caller, access, organizationId);
        Instant now = clock.instant();
        if (command.encryptedServiceAccountKey() != null) {
            apply(new DelegationCredentialKeyChanged(delegationCredentialId, organizationId,
                    DelegationCredentialRules.serviceAccountKey(command.encryptedServiceAccountKey()), now));
            if (enabled && !Boolean.TRUE.equals(command.enabled())) {
                apply(new DelegationCredentialDisabled(delegationCredentialId, organizationId, now));
            }
        }
        if (command.enabled() != null && command.enabled() != enabled) {
            apply(command.enabled() ? new DelegationCredentialEnabled(delegationCredentialId, organizationId, now)
                    : new DelegationCredentialDisabled(delegationCredentialId, organizationId, now));
        }
        return view();
    }

    /** What both commands answer: the credential as cal.com's API shows it, nothing of its key. */
    private DelegationCredentialView view() {
        DelegationWorkspacePlatform platform = DelegationWorkspacePlatform.byId(workspacePlatformId).orElseThrow();
        return new DelegationCredentialView(delegationCredentialId, enabled, domain, organizationId,
                new DelegationCredentialView.WorkspacePlatform(platform.displayName(), platform.slug()), createdAt,
                updatedAt, lastEnabledAt, lastDisabledAt);
    }

    @EventSourcingHandler
    void on(DelegationCredentialCreated event) {
        aggregateId = DelegationCredentialIds.aggregateId(event.delegationCredentialId());
        delegationCredentialId = event.delegationCredentialId();
        organizationId = event.organizationId();
        workspacePlatformId = event.workspacePlatformId();
        domain = event.domain();
        enabled = false;
        createdAt = event.createdAt();
        updatedAt = event.createdAt();
    }

    @EventSourcingHandler
    void on(DelegationCredentialKeyChanged event) {
        updatedAt = event.at();
    }

    @EventSourcingHandler
    void on(DelegationCredentialEnabled event) {
        enabled = true;
        lastEnabledAt = event.at();
        updatedAt = event.at();
    }

    @EventSourcingHandler
    void on(DelegationCredentialDisabled event) {
        enabled = false;
        lastDisabledAt = event.at();
        updatedAt = event.at();
    }
}
