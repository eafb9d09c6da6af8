package com.calcomalt.contracts.identity;

/** In the event store the stream of a membership is "membership:{id}". */
public final class MembershipIds {

    private MembershipIds() {
    }

    public static String aggregateId(int membershipId) {
        return "membership:" + membershipId;
    }
}
