package com.calcomalt.contracts.calendar;

/** In the event store the stream of a delegation credential is "delegation-credential:{id}". */
public final class DelegationCredentialIds {

    private DelegationCredentialIds() {
    }

    public static String aggregateId(String delegationCredentialId) {
        return "delegation-credential:" + delegationCredentialId;
    }
}
