package com.calcomalt.command.scheduling;

import java.util.Map;

/** A team's accepted members: user id to membership id (cal.com's Host.memberId). */
public record TeamMembers(Map<Integer, Integer> membershipByUser) {

    boolean contains(int userId) {
        return membershipByUser.containsKey(userId);
    }
}
