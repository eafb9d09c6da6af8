package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issues an access and a refresh token to a user through an OAuth client; only their SHA-256 travels. */
public record IssueOAuthTokens(int userId, int accessTokenId, int refreshTokenId, String platformOAuthClientId, String accessTokenHash, String refreshTokenHash, Instant accessTokenExpiresAt, Instant refreshTokenExpiresAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
