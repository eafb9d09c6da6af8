package com.calcomalt.command.features;

import com.calcomalt.command.identity.IdentityLookups;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.features.NamesFeature;
import com.calcomalt.contracts.features.SetUserFeature;
import org.springframework.stereotype.Component;

/**
 * Adds to a grant of a flag what its aggregate decides with: the flag (whether it exists, its type)
 * and the user it is granted to. The caller's standing in a team comes with every team command.
 */
@Component
class FeatureCommandFacts extends CommandFacts {

    static final String FEATURE = "feature";
    static final String USER = "featureUser";

    FeatureCommandFacts(FeatureRegistry features, IdentityLookups identity) {
        resolve(NamesFeature.class, (c, facts) -> features.feature(c.slug())
                .ifPresent(feature -> facts.put(FEATURE, feature)));
        resolve(SetUserFeature.class, (c, facts) -> identity.user(c.userId())
                .ifPresent(user -> facts.put(USER, user)));
    }
}
