package com.calcomalt.contracts.identity;

/** A command on something an organization owns: the caller's role there decides whether they may send it. */
public interface OwnedByOrganization {

    int organizationId();
}
