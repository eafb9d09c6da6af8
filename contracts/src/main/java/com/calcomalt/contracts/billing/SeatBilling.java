package com.calcomalt.contracts.billing;

/**
 * When seat limits hold, the one rule both sides use (the command side from its lookups and flag
 * cache, the query side's slots from cal.com's tables): a team is seat-billed while it has a billing
 * row and the {@value #FLAG} flag is on for it; a sub-team's seats are its organization's.
 */
public final class SeatBilling {

    public static final String FLAG = "seat-billing";

    private SeatBilling() {
    }

    /** Whose billing row and seats count for a team: an organization or a team outside any is billed itself. */
    public static int billedTeam(int teamId, boolean isOrganization, Integer parentId) {
        return isOrganization || parentId == null ? teamId : parentId;
    }

    public static boolean seatBilled(boolean flagOn, boolean hasBillingRow) {
        return flagOn && hasBillingRow;
    }
}
