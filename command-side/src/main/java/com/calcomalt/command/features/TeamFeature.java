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
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A flag's standing in one team or organization (cal.com's {@code TeamFeatures} row). */
@Aggregate
public class TeamFeature extends FeatureAssignment {

    @AggregateIdentifier
    private String aggregateId;
    private int teamId;

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
        if (changes(command.enabled())) {
            Instant now = clock.instant();
            apply(new TeamFeatureSet(command.teamId(), flag.slug(), command.enabled(),
                    FeatureIds.assignedBy(caller.userId()), assignedAtWhenSet(now), now));
        }
        return view();
    }

    @CommandHandler
    void handle(RemoveTeamFeature command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(FeatureCommandFacts.FEATURE) FeatureFacts feature, Clock clock) {
        FeatureRules.requireRunsTeam(caller, access, command.teamId(), FeatureRules.existing(feature, command.slug()));
        requireSetting("Team " + teamId);
        apply(new TeamFeatureRemoved(teamId, slug(), caller.userId(), clock.instant()));
    }

    private FeatureAssignmentView view() {
        return view(teamId, null);
    }

    @EventSourcingHandler
    void on(TeamFeatureSet event) {
        aggregateId = FeatureIds.teamFeature(event.teamId(), event.slug());
        teamId = event.teamId();
        set(event.slug(), event.enabled(), event.assignedBy(), event.assignedAt(), event.updatedAt());
    }

    @EventSourcingHandler
    void on(TeamFeatureRemoved event) {
        removed(event.at());
    }
}
