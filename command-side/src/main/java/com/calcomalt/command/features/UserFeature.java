package com.calcomalt.command.features;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.command.identity.UserFacts;
import com.calcomalt.contracts.features.FeatureAssignmentView;
import com.calcomalt.contracts.features.FeatureIds;
import com.calcomalt.contracts.features.RemoveUserFeature;
import com.calcomalt.contracts.features.SetUserFeature;
import com.calcomalt.contracts.features.UserFeatureRemoved;
import com.calcomalt.contracts.features.UserFeatureSet;
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
 * A flag's standing for one user (cal.com's {@code UserFeatures} row), whatever their teams have. Set by
 * system admins only, as cal.com's admin pages do.
 */
@Aggregate
public class UserFeature extends FeatureAssignment {

    @AggregateIdentifier
    private String aggregateId;
    private int userId;

    protected UserFeature() {
        // for Axon
    }

    /** Setting the standing it already has changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    FeatureAssignmentView handle(SetUserFeature command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                                 @MetaDataValue(FeatureCommandFacts.USER) UserFacts user,
                                 @MetaDataValue(FeatureCommandFacts.FEATURE) FeatureFacts feature, Clock clock) {
        FeatureRules.requireSystemAdmin(caller, "grant features to users");
        if (user == null) {
            throw new NotFound("No user " + command.userId());
        }
        FeatureFacts flag = FeatureRules.existing(feature, command.slug());
        if (changes(command.enabled())) {
            Instant now = clock.instant();
            apply(new UserFeatureSet(command.userId(), flag.slug(), command.enabled(),
                    FeatureIds.assignedBy(caller.userId()), assignedAtWhenSet(now), now));
        }
        return view();
    }

    @CommandHandler
    void handle(RemoveUserFeature command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        FeatureRules.requireSystemAdmin(caller, "grant features to users");
        requireSetting("User " + userId);
        apply(new UserFeatureRemoved(userId, slug(), caller.userId(), clock.instant()));
    }

    private FeatureAssignmentView view() {
        return view(null, userId);
    }

    @EventSourcingHandler
    void on(UserFeatureSet event) {
        aggregateId = FeatureIds.userFeature(event.userId(), event.slug());
        userId = event.userId();
        set(event.slug(), event.enabled(), event.assignedBy(), event.assignedAt(), event.updatedAt());
    }

    @EventSourcingHandler
    void on(UserFeatureRemoved event) {
        removed(event.at());
    }
}
