package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The columns of a cal.com {@code users} row that no command of ours sets, brought over by the import so the
 * row stays whole; later commands leave them as they are. {@code twoFactorSecret} and {@code backupCodes}
 * stay as cal.com sealed them, under its {@code CALENDSO_ENCRYPTION_KEY}, which the event store never holds.
 * {@code allowDynamicBooking} is here too because cal.com's column may be null, which a profile cannot say.
 */
@Revision("1")
public record UserDetailsImported(int userId, int startTime, int endTime, int bufferTime, Instant emailVerified,
                                  boolean completedOnboarding, boolean twoFactorEnabled, String twoFactorSecret,
                                  Integer invitedTo, Boolean verified, Instant trialEndsAt, Boolean allowDynamicBooking,
                                  Integer organizationId, Boolean allowSEOIndexing, String backupCodes,
                                  Boolean receiveMonthlyDigestEmail, Integer movedToProfileId,
                                  boolean isPlatformManaged, SMSLockState smsLockState, boolean smsLockReviewedByAdmin,
                                  String referralLinkId, Instant lastActiveAt, boolean whitelistWorkflows,
                                  Boolean requiresBookerEmailVerification, boolean autoOptInFeatures) {
}
