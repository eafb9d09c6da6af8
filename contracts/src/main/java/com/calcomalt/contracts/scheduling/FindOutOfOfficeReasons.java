package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.Caller;

/** Answered with the enabled {@link OutOfOfficeReasonView}s the caller may choose: everybody's, then their own. */
public record FindOutOfOfficeReasons(Caller caller) {
}
