package com.calcomalt.contracts.features;

import java.util.Collection;

/**
 * Who has a flag, the one rule both sides use (the command side from its cache, the query side from
 * cal.com's tables), as cal.com's features repository decides it:
 * <ol>
 *   <li>a flag that does not exist or is off globally ({@code Feature.enabled} false) is off for
 *       everyone and every team, whatever is assigned;</li>
 *   <li>a team has it when its own {@code TeamFeatures} row says so, enabled or not; with no row of
 *       its own it inherits its organization's row, and has it only if that row is enabled;</li>
 *   <li>a user has it when their own {@code UserFeatures} row says so, enabled or not; with no row of
 *       their own they have it when any team or organization they are an accepted member of has it
 *       by rule 2.</li>
 * </ol>
 * So an explicit {@code enabled = false} at a lower level (user below team, team below organization)
 * wins over a grant above it. An organization is a team too: its members have what it has, even
 * when a sub-team they are also in refuses the flag for itself (as in cal.com, a membership that
 * reaches the flag is enough).
 */
public final class FeatureEvaluation {

    private FeatureEvaluation() {
    }

    /**
     * A team's own row and its organization's, each null when there is none (an organization, or a
     * team outside any, has no organization row).
     */
    public record TeamStanding(Boolean teamRow, Boolean organizationRow) {
    }

    /** {@code globallyEnabled} null: no such flag. */
    public static boolean teamHas(Boolean globallyEnabled, TeamStanding team) {
        return Boolean.TRUE.equals(globallyEnabled) && inherited(team);
    }

    /** {@code teams}: every team and organization the user is an accepted member of. */
    public static boolean userHas(Boolean globallyEnabled, Boolean userRow, Collection<TeamStanding> teams) {
        if (!Boolean.TRUE.equals(globallyEnabled)) {
            return false;
        }
        if (userRow != null) {
            return userRow;
        }
        return teams.stream().anyMatch(FeatureEvaluation::inherited);
    }

    private static boolean inherited(TeamStanding team) {
        return team.teamRow() != null ? team.teamRow() : Boolean.TRUE.equals(team.organizationRow());
    }
}
