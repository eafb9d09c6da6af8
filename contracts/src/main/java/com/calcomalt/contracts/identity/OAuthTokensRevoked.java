package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OAuthTokensRevoked(int accessTokenId, int refreshTokenId, int userId, Instant revokedAt) {
}
