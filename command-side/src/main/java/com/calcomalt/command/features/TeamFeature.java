package com.calcomalt.command.features;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.features.FeatureAssignmentView;
import com.calcomalt.contracts.features.FeatureIds;
import com.calcomalt.contracts.features.RemoveTeamFeature;
import com.calcomalt.contracts.features.SetTeamFeature;
import com.calcomalt.contracts.features.TeamFeatureRemoved;
import com.calcomalt.contracts.features.TeamFeatureSet;
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
 * A flag's standing in one team or organization, as cal.com's {@code TeamFeatures} row: granted,
 * refused, or (no row) inherited. One stream per team and flag, which outlives the row: removing it
 * and setting it again is the same stream.
 */
@Aggregate
public class TeamFeature {

    @AggregateIdentifier
    private String aggregateId;
    private int teamId;
    private String slug;
    /** Null while the team inherits the flag. */
    private Boolean enabled;
    private String assignedBy;
    private Instant assignedAt;
    private Instant updatedAt;

    protected TeamFeature() {
        // for Axon
    }

    /** Setting the standing it already has changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    FeatureAssignmentView handle(SetTeamFeature command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                                 @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                                 @MetaDataValue(FeatureCommandFacts.FEATURE) FeatureFacts feature, Clock clock) {
        FeatureFacts flag = FeatureRules.existing(feature, command.slug());
        FeatureRules.requireRunsTeam(caller, access, command.teamId(), flag);
        if (enabled == null || enabled != command.enabled()) {
            Instant now = clock.instant();
            apply(new TeamFeatureSet(command.teamId(), flag.slug(), command.enabled(),
                    FeatureIds.assignedBy(caller.userId()), enabled == null ? now : assignedAt, now));
        }
        return view();
    }

    @CommandHandler
    void handle(RemoveTeamFeature command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(FeatureCommandFacts.FEATURE) FeatureFacts feature, Clock clock) {
        FeatureRules.requireRunsTeam(caller, access, command.teamId(), FeatureRules.existing(feature, command.slug()));
        if (enabled == null) {
            throw new NotFound("Team " + teamId + " has no setting of feature " + slug);
        }
        apply(new TeamFeatureRemoved(teamId, slug, caller.userId(), clock.instant()));
    }

    private FeatureAssignmentView view() {
        return new FeatureAssignmentView(teamId, null, slug, enabled, assignedBy, assignedAt, updatedAt);
    }

    @EventSourcingHandler
    void on(TeamFeatureSet event) {
        aggregateId = FeatureIds.teamFeature(event.teamId(), event.slug());
        teamId = event.teamId();
        slug = event.slug();
        enabled = event.enabled();
        assignedBy = event.assignedBy();
        assignedAt = event.assignedAt();
        updatedAt = event.updatedAt();
    }

    @EventSourcingHandler
    void on(TeamFeatureRemoved event) {
        enabled = null;
        assignedBy = null;
        assignedAt = null;
        updatedAt = event.at();
    }
}
