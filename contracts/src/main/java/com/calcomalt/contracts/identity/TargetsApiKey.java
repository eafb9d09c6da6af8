package com.calcomalt.contracts.identity;

/** A command on an existing API key: for a team's key, the caller's role in that team decides. */
public interface TargetsApiKey {

    String keyId();
}
