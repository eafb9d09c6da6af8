package com.calcomalt.command.features;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.IdentityLookups;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.features.RemoveTeamFeature;
import com.calcomalt.contracts.features.SetTeamFeature;
import com.calcomalt.contracts.features.SetUserFeature;
import com.calcomalt.contracts.identity.Caller;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Adds to a grant of a flag what its aggregate decides with: the flag (whether it exists, its type),
 * the caller's standing in the team, or the user it is granted to.
 */
@Component
class FeatureCommandFacts extends CommandFacts {

    static final String FEATURE = "feature";
    static final String USER = "featureUser";

    private final FeatureRegistry features;
    private final IdentityCommandFacts identityFacts;
    private final IdentityLookups identity;

    FeatureCommandFacts(FeatureRegistry features, IdentityCommandFacts identityFacts, IdentityLookups identity) {
        this.features = features;
        this.identityFacts = identityFacts;
        this.identity = identity;
    }

    @Override
    protected Map<String, Object> factsFor(Object command, Caller caller) {
        Map<String, Object> facts = new HashMap<>();
        if (command instanceof SetTeamFeature c) {
            forTeam(facts, caller, c.teamId(), c.slug());
        } else if (command instanceof RemoveTeamFeature c) {
            forTeam(facts, caller, c.teamId(), c.slug());
        } else if (command instanceof SetUserFeature c) {
            features.feature(c.slug()).ifPresent(feature -> facts.put(FEATURE, feature));
            identity.user(c.userId()).ifPresent(user -> facts.put(USER, user));
        }
        return facts;
    }

    private void forTeam(Map<String, Object> facts, Caller caller, int teamId, String slug) {
        features.feature(slug).ifPresent(feature -> facts.put(FEATURE, feature));
        if (caller != null) {
            identityFacts.access(caller, teamId).ifPresent(access -> facts.put(IdentityCommandFacts.ACCESS, access));
        }
    }
}
