package com.calcomalt.command.identity;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.identity.CompletePasswordReset;
import com.calcomalt.contracts.identity.EndSession;
import com.calcomalt.contracts.identity.ExpireOAuthTokens;
import com.calcomalt.contracts.identity.ImpersonateUser;
import com.calcomalt.contracts.identity.IssueOAuthTokens;
import com.calcomalt.contracts.identity.LinkAccount;
import com.calcomalt.contracts.identity.RequestPasswordReset;
import com.calcomalt.contracts.identity.RevokeOAuthTokens;
import com.calcomalt.contracts.identity.SetUserImpersonation;
import com.calcomalt.contracts.identity.SetUserPassword;
import com.calcomalt.contracts.identity.StartSession;
import com.calcomalt.contracts.identity.UnlinkAccount;
import com.calcomalt.platform.security.ApiKeys;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.validation.MaxUtf8Bytes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a user proves who they are and who may act as them: password and its reset, sessions,
 * linked identity-provider accounts, OAuth tokens, impersonation. Secrets handed out here are
 * answered once and kept only as hashes; passwords are hashed with bcrypt before any command.
 */
@RestController
@Tag(name = "User access")
class UserAccessController {

    /** cal.com hashes passwords with bcrypt at cost 12. */
    private static final BCryptPasswordEncoder PASSWORDS = new BCryptPasswordEncoder(12);
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(60);
    private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(365);

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final Clock clock;

    UserAccessController(CommandGateway commands, IdAllocator ids, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
    }

    /** bcrypt reads at most 72 bytes and refuses more; the current password is checked with bcrypt too. */
    record PasswordInput(@NotBlank @Size(min = 8) @MaxUtf8Bytes(72) String password,
                         @MaxUtf8Bytes(72) String currentPassword) {
    }

    record NewPasswordInput(@NotBlank @Size(min = 8) @MaxUtf8Bytes(72) String password) {
    }

    record ImpersonationSettingInput(@NotNull Boolean disableImpersonation) {
    }

    record SessionInput(@Min(60) @Max(31_536_000) Long expiresInSeconds) {
    }

    record AccountInput(@NotBlank @Size(max = 64) String type, @NotBlank @Size(max = 128) String provider,
                        @NotBlank @Size(max = 255) String providerAccountId, @Size(max = 254) String providerEmail,
                        @Size(max = 1024) String scope) {
    }

    record OAuthTokensInput(@NotBlank @Size(max = 255) String platformOAuthClientId) {
    }

    record Created(@Schema(description = "An impersonation's number, or a linked account's text id",
            oneOf = {Integer.class, String.class}) Object id) {
    }

    record SessionOutput(String id, String sessionToken, Instant expires) {
    }

    record PasswordResetOutput(String id, Instant expires) {
    }

    record OAuthTokensOutput(int accessTokenId, String accessToken, Instant accessTokenExpiresAt, int refreshTokenId,
                             String refreshToken, Instant refreshTokenExpiresAt) {
    }

    @PutMapping("/v2/users/{userId}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a user's password; the user gives the current one if they have one")
    void setPassword(@PathVariable @Positive int userId, @Valid @RequestBody PasswordInput input) {
        commands.sendAndWait(new SetUserPassword(userId, PASSWORDS.encode(input.password()), input.currentPassword()));
    }

    @PutMapping("/v2/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set the caller's password")
    void setMyPassword(@Valid @RequestBody PasswordInput input) {
        setPassword(Callers.required().userId(), input);
    }

    @PostMapping("/v2/users/{userId}/password-reset-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a password reset: the id is the secret to send to the user; it lives six hours")
    ResponseEntity<ApiResponse<PasswordResetOutput>> requestReset(@PathVariable @Positive int userId) {
        String requestId = ApiKeys.secret();
        commands.sendAndWait(new RequestPasswordReset(userId, requestId));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.success(
                new PasswordResetOutput(requestId, clock.instant().plus(User.PASSWORD_RESET_LIFETIME))));
    }

    @PostMapping("/v2/users/{userId}/password-reset-requests/{requestId}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with a password reset that is still valid")
    void completeReset(@PathVariable @Positive int userId, @PathVariable String requestId,
                       @Valid @RequestBody NewPasswordInput input) {
        commands.sendAndWait(new CompletePasswordReset(userId, requestId, PASSWORDS.encode(input.password())));
    }

    @PutMapping("/v2/users/{userId}/impersonation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Allow or forbid impersonating a user")
    void impersonationSetting(@PathVariable @Positive int userId, @Valid @RequestBody ImpersonationSettingInput input) {
        commands.sendAndWait(new SetUserImpersonation(userId, input.disableImpersonation()));
    }

    @PostMapping("/v2/users/{userId}/impersonations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the caller impersonates a user")
    ResponseEntity<ApiResponse<Created>> impersonate(@PathVariable @Positive int userId) {
        int impersonationId = ids.next("Impersonations");
        commands.sendAndWait(new ImpersonateUser(userId, impersonationId));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.success(new Created(impersonationId)));
    }

    @PostMapping("/v2/users/{userId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a session; its token is shown once (default lifetime 30 days)")
    ResponseEntity<ApiResponse<SessionOutput>> startSession(@PathVariable @Positive int userId,
                                                           @Valid @RequestBody(required = false) SessionInput input) {
        String sessionId = Ids.text();
        String token = ApiKeys.secret();
        long seconds = input == null || input.expiresInSeconds() == null ? 30L * 24 * 3600 : input.expiresInSeconds();
        Instant expires = clock.instant().plusSeconds(seconds);
        commands.sendAndWait(new StartSession(userId, sessionId, ApiKeys.sha256(token), expires));
        return ResponseEntity.created(URI.create("/v2/users/" + userId + "/sessions/" + sessionId))
                .body(ApiResponse.success(new SessionOutput(sessionId, token, expires)));
    }

    @DeleteMapping("/v2/users/{userId}/sessions/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End a session")
    void endSession(@PathVariable @Positive int userId, @PathVariable String sessionId) {
        commands.sendAndWait(new EndSession(userId, sessionId));
    }

    @PostMapping("/v2/users/{userId}/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link an identity provider's account to a user")
    ResponseEntity<ApiResponse<Created>> linkAccount(@PathVariable @Positive int userId,
                                                     @Valid @RequestBody AccountInput input) {
        String accountId = Ids.text();
        commands.sendAndWait(new LinkAccount(userId, accountId, input.type(), input.provider(),
                input.providerAccountId(), input.providerEmail(), input.scope()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.success(new Created(accountId)));
    }

    @DeleteMapping("/v2/users/{userId}/accounts/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink an identity provider's account")
    void unlinkAccount(@PathVariable @Positive int userId, @PathVariable String accountId) {
        commands.sendAndWait(new UnlinkAccount(userId, accountId));
    }

    @PostMapping("/v2/users/{userId}/oauth-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an access token (60 minutes) and a refresh token (a year) through an OAuth client;"
            + " both are shown once")
    ResponseEntity<ApiResponse<OAuthTokensOutput>> issueTokens(@PathVariable @Positive int userId,
                                                              @Valid @RequestBody OAuthTokensInput input) {
        int accessTokenId = ids.next("AccessToken");
        int refreshTokenId = ids.next("RefreshToken");
        String accessToken = ApiKeys.secret();
        String refreshToken = ApiKeys.secret();
        Instant now = clock.instant();
        Instant accessExpires = now.plus(ACCESS_TOKEN_LIFETIME);
        Instant refreshExpires = now.plus(REFRESH_TOKEN_LIFETIME);
        commands.sendAndWait(new IssueOAuthTokens(userId, accessTokenId, refreshTokenId, input.platformOAuthClientId(),
                ApiKeys.sha256(accessToken), ApiKeys.sha256(refreshToken), accessExpires, refreshExpires));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.success(new OAuthTokensOutput(
                accessTokenId, accessToken, accessExpires, refreshTokenId, refreshToken, refreshExpires)));
    }

    @DeleteMapping("/v2/users/{userId}/oauth-tokens/{accessTokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an access token and its refresh token")
    void revokeTokens(@PathVariable @Positive int userId, @PathVariable @Positive int accessTokenId) {
        commands.sendAndWait(new RevokeOAuthTokens(userId, accessTokenId));
    }

    @PostMapping("/v2/users/{userId}/oauth-tokens/{accessTokenId}/expire")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Let an access token and its refresh token expire now")
    void expireTokens(@PathVariable @Positive int userId, @PathVariable @Positive int accessTokenId) {
        commands.sendAndWait(new ExpireOAuthTokens(userId, accessTokenId));
    }
}
