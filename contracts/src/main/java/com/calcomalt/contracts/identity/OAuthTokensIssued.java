package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OAuthTokensIssued(int accessTokenId, int refreshTokenId, int userId, String platformOAuthClientId, String accessTokenHash, String refreshTokenHash, Instant accessTokenExpiresAt, Instant refreshTokenExpiresAt, Instant issuedAt) {
}
