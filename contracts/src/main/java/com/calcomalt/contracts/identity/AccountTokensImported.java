package com.calcomalt.contracts.identity;

import org.axonframework.serialization.Revision;

/**
 * The provider's tokens that cal.com keeps on an imported linked account, its row's columns. The tokens are
 * sealed by the platform's SecretBox, so no credential rests readable in the event store; the projector opens
 * them into the row, where cal.com keeps them too. Nothing here signs in with them: our sign-in asks the
 * provider again.
 */
@Revision("1")
public record AccountTokensImported(String accountId, int userId, String sealedRefreshToken, String sealedAccessToken,
                                    Integer expiresAt, String tokenType, String sealedIdToken, String sessionState) {
}
