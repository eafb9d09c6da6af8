package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.FindImpersonations;
import com.calcomalt.contracts.identity.FindLinkedAccounts;
import com.calcomalt.contracts.identity.FindOAuthTokens;
import com.calcomalt.contracts.identity.FindUserSessions;
import com.calcomalt.contracts.identity.Impersonations;
import com.calcomalt.contracts.identity.LinkedAccounts;
import com.calcomalt.contracts.identity.OAuthTokens;
import com.calcomalt.contracts.identity.UserSessions;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's sessions, linked accounts, OAuth tokens and impersonations, for whoever may change them;
 * others are told there is no user. Tokens are shown once, when written, and never here.
 */
@RestController
@Tag(name = "User access")
class UserAccessQueryController {

    private final QueryGateway queries;

    UserAccessQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/users/{userId}/sessions")
    @Operation(summary = "A user's sessions, soonest to expire first (the user or a system admin)")
    ApiResponse<List<UserSessions.Session>> sessions(@PathVariable @Positive int userId) {
        return ApiResponse.success(find(new FindUserSessions(userId, Callers.required()), UserSessions.class, userId)
                .sessions());
    }

    @GetMapping("/v2/users/{userId}/accounts")
    @Operation(summary = "The identity providers' accounts linked to a user (the user or a system admin)")
    ApiResponse<List<LinkedAccounts.Account>> accounts(@PathVariable @Positive int userId) {
        return ApiResponse.success(find(new FindLinkedAccounts(userId, Callers.required()), LinkedAccounts.class,
                userId).accounts());
    }

    @GetMapping("/v2/users/{userId}/oauth-tokens")
    @Operation(summary = "A user's OAuth access and refresh tokens, without the tokens (the user or a system admin)",
            description = "Revoked tokens are gone; expired ones stay with their expiry.")
    ApiResponse<OAuthTokens> oauthTokens(@PathVariable @Positive int userId) {
        return ApiResponse.success(find(new FindOAuthTokens(userId, Callers.required()), OAuthTokens.class, userId));
    }

    @GetMapping("/v2/users/{userId}/impersonations")
    @Operation(summary = "Who impersonated a user, oldest first",
            description = "The user and system admins see all; an admin or owner of one of the user's teams sees"
                    + " their own.")
    ApiResponse<List<Impersonations.Impersonation>> impersonations(@PathVariable @Positive int userId) {
        return ApiResponse.success(find(new FindImpersonations(userId, Callers.required()), Impersonations.class,
                userId).impersonations());
    }

    private <Q, R> R find(Q query, Class<R> answer, int userId) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(answer)).join()
                .orElseThrow(() -> new ResourceNotFound("No user with id " + userId));
    }
}
