package com.calcomalt.command.features;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.contracts.features.CreateFeature;
import com.calcomalt.contracts.features.FeatureChanged;
import com.calcomalt.contracts.features.FeatureCreated;
import com.calcomalt.contracts.features.FeatureIds;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.FeatureView;
import com.calcomalt.contracts.features.UpdateFeature;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.DomainConflict;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A flag, as cal.com's {@code Feature} row: its slug is its identity (the stream is "feature:{slug}"),
 * so a second flag of one slug is refused here, and two concurrent ones cannot both be stored.
 */
@Aggregate
public class Feature {

    @AggregateIdentifier
    private String aggregateId;
    private String slug;
    private boolean enabled;
    private String description;
    private FeatureType type;
    private boolean stale;
    private Instant createdAt;
    private Instant updatedAt;
    private Integer updatedBy;

    protected Feature() {
        // for Axon
    }

    /** A slug already taken finds the flag here instead of a second one. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    FeatureView handle(CreateFeature command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        FeatureRules.requireSystemAdmin(caller, "create features");
        if (slug != null) {
            throw new DomainConflict("Feature " + slug + " exists");
        }
        apply(new FeatureCreated(FeatureRules.slug(command.slug()), Boolean.TRUE.equals(command.enabled()),
                FeatureRules.description(command.description()),
                command.type() == null ? FeatureType.RELEASE : command.type(), caller.userId(), clock.instant()));
        return view();
    }

    @CommandHandler
    FeatureView handle(UpdateFeature command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        FeatureRules.requireSystemAdmin(caller, "change features");
        boolean newEnabled = command.enabled() == null ? enabled : command.enabled();
        String newDescription = command.description() == null ? description
                : FeatureRules.description(command.description());
        FeatureType newType = command.type() == null ? type : command.type();
        boolean newStale = command.stale() == null ? stale : command.stale();
        if (newEnabled != enabled || !Objects.equals(newDescription, description) || newType != type
                || newStale != stale) {
            apply(new FeatureChanged(slug, newEnabled, newDescription, newType, newStale, caller.userId(),
                    clock.instant()));
        }
        return view();
    }

    private FeatureView view() {
        return new FeatureView(slug, enabled, description, type, stale, null, createdAt, updatedAt, updatedBy);
    }

    @EventSourcingHandler
    void on(FeatureCreated event) {
        aggregateId = FeatureIds.feature(event.slug());
        slug = event.slug();
        enabled = event.enabled();
        description = event.description();
        type = event.type();
        stale = false;
        createdAt = event.at();
        updatedAt = event.at();
        updatedBy = event.updatedBy();
    }

    @EventSourcingHandler
    void on(FeatureChanged event) {
        enabled = event.enabled();
        description = event.description();
        type = event.type();
        stale = event.stale();
        updatedAt = event.at();
        updatedBy = event.updatedBy();
    }
}
