package com.calcomalt.contracts.scheduling;

/** An out-of-office entry that names a reason and a user to redirect to: each, when given, must exist. */
public interface NamesOutOfOfficeRows {

    Integer reasonId();

    Integer toUserId();
}
