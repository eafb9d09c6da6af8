package com.calcomalt.allinone.importing;

import com.calcomalt.contracts.identity.UserRegistered;
import java.util.Map;
import java.util.Set;

/**
 * What the earlier steps of an import will write, rule-breaking rows left out: what the later
 * steps may point at.
 */
record ImportedSoFar(Map<Integer, UserRegistered> users, Set<Integer> teams, Set<Integer> memberships,
                     Set<Integer> schedules) {
}
