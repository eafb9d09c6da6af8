package com.calcomalt.contracts.identity;

/** Users are numbered like cal.com's users.id; in the event store their stream is "user:{id}". */
public final class UserIds {

    private UserIds() {
    }

    public static String aggregateId(int userId) {
        return "user:" + userId;
    }
}
