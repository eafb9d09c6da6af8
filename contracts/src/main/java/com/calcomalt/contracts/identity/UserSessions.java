package com.calcomalt.contracts.identity;

import java.time.Instant;
import java.util.List;

/** A user's sessions, never their tokens: the token is shown once, when the session starts. */
public record UserSessions(List<Session> sessions) {

    public record Session(String id, int userId, Instant expires) {
    }
}
