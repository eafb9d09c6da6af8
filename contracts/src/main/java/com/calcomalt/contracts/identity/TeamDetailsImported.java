package com.calcomalt.contracts.identity;

import org.axonframework.serialization.Revision;

/**
 * The columns of a cal.com {@code Team} row that no command of ours sets (platform, payment and SMS-lock
 * state), brought over by the import so the row stays whole; later commands leave them as they are.
 */
@Revision("1")
public record TeamDetailsImported(int teamId, boolean pendingPayment, boolean isPlatform, SMSLockState smsLockState,
                                  String createdByOAuthClientId, boolean smsLockReviewedByAdmin,
                                  boolean autoOptInFeatures) {
}
