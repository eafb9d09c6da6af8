package com.calcomalt.contracts.identity;

import java.time.Instant;
import java.util.List;

/**
 * A user's OAuth access and refresh tokens, never the tokens themselves. cal.com keeps them in two
 * tables that do not say which refresh token came with which access token, so they are two lists;
 * one issue gives both the same client and creation time.
 */
public record OAuthTokens(List<Token> accessTokens, List<Token> refreshTokens) {

    public record Token(int id, int userId, String platformOAuthClientId, Instant createdAt, Instant expiresAt) {
    }
}
