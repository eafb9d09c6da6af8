package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OAuthTokensExpired(int accessTokenId, int refreshTokenId, int userId, Instant expiredAt) {
}
