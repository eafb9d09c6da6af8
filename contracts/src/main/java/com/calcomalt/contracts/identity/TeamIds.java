package com.calcomalt.contracts.identity;

/** In the event store the stream of a team is "team:{id}". */
public final class TeamIds {

    private TeamIds() {
    }

    public static String aggregateId(int teamId) {
        return "team:" + teamId;
    }
}
