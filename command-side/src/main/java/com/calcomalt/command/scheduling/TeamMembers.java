package com.calcomalt.command.scheduling;

import java.util.Map;
import java.util.Set;

/**
 * A team's accepted members: user id to membership id (cal.com's Host.memberId), and those of them who
 * hold no seat of the seat-billed organization that bills the team (empty when it is not seat-billed).
 */
public record TeamMembers(Map<Integer, Integer> membershipByUser, Set<Integer> withoutSeat) {

    public TeamMembers(Map<Integer, Integer> membershipByUser) {
        this(membershipByUser, Set.of());
    }

    boolean contains(int userId) {
        return membershipByUser.containsKey(userId);
    }

    boolean seated(int userId) {
        return !withoutSeat.contains(userId);
    }
}
