package com.calcomalt.command.identity;

import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.identity.CreateApiKey;
import com.calcomalt.contracts.identity.ExpireApiKey;
import com.calcomalt.contracts.identity.RevokeApiKey;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.security.ApiKeys;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's API keys, and the keys of teams they run. A key is shown once, when it is made. */
@RestController
@Tag(name = "API keys")
class ApiKeyCommandController {

    private final CommandGateway commands;
    private final IdentityLookups lookups;
    private final Clock clock;

    ApiKeyCommandController(CommandGateway commands, IdentityLookups lookups, Clock clock) {
        this.commands = commands;
        this.lookups = lookups;
        this.clock = clock;
    }

    /** cal.com's RefreshApiKeyInput: the new key is valid 30 days unless told otherwise. */
    record RefreshInput(@Positive Integer apiKeyDaysValid, Boolean apiKeyNeverExpires) {
        @AssertTrue(message = "apiKeyDaysValid and apiKeyNeverExpires cannot both be given")
        boolean isOneValidity() {
            return apiKeyDaysValid == null || !Boolean.TRUE.equals(apiKeyNeverExpires);
        }
    }

    /** cal.com's ApiKeyOutput. */
    record RefreshedKey(String apiKey) {
    }

    /** {@code userId}: whose key it is; the caller unless a system administrator makes one for someone. */
    record CreateInput(@Size(max = 255) String note, Instant expiresAt, @Positive Integer teamId,
                       @Positive Integer userId) {
    }

    record ExpireInput(Instant expiresAt) {
    }

    record CreatedKey(String id, String apiKey, String note, Instant expiresAt, Integer teamId) {
    }

    @PostMapping("/v2/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make an API key for the caller, or for a team they run; the key is shown only now")
    ResponseEntity<ApiResponse<CreatedKey>> create(@Valid @RequestBody(required = false) CreateInput input) {
        CreateInput request = input == null ? new CreateInput(null, null, null, null) : input;
        String keyId = Ids.text();
        String key = ApiKeys.generate();
        int owner = request.userId() != null ? request.userId() : Callers.required().userId();
        commands.sendAndWait(new CreateApiKey(keyId, owner, request.teamId(), ApiKeys.hash(key),
                request.note(), request.expiresAt()));
        return ResponseEntity.created(URI.create("/v2/api-keys/" + keyId)).body(ApiResponse.success(
                new CreatedKey(keyId, key, request.note(), request.expiresAt(), request.teamId())));
    }

    /**
     * cal.com's refresh: a new key of the same owner and team replaces the one the request is made with,
     * which is revoked once the new one exists (so a failure never leaves the caller without a key).
     */
    @PostMapping("/v2/api-keys/refresh")
    @Operation(summary = "Make a new key for the caller in place of the key this request is made with, which is"
            + " revoked; the new key is shown only now",
            description = "Valid for apiKeyDaysValid days (30 unless given), or forever with apiKeyNeverExpires.")
    ApiResponse<RefreshedKey> refresh(HttpServletRequest http, @Valid @RequestBody(required = false) RefreshInput input) {
        RefreshInput request = input == null ? new RefreshInput(null, null) : input;
        // The filter let the request in on this header's key, so it is there and well formed.
        String authorization = http.getHeader(HttpHeaders.AUTHORIZATION);
        String presented = authorization.substring(authorization.indexOf(' ') + 1).trim();
        IdentityLookups.ApiKeyRecord current = lookups.apiKeyByHash(ApiKeys.hash(presented))
                .orElseThrow(() -> new AccessDenied("Refresh with the API key to replace"));
        Instant expiresAt = Boolean.TRUE.equals(request.apiKeyNeverExpires()) ? null
                : clock.instant().plus(Duration.ofDays(Objects.requireNonNullElse(request.apiKeyDaysValid(), 30)));
        String key = ApiKeys.generate();
        commands.sendAndWait(new CreateApiKey(Ids.text(), current.userId(), current.teamId(), ApiKeys.hash(key),
                null, expiresAt));
        commands.sendAndWait(new RevokeApiKey(current.keyId()));
        return ApiResponse.success(new RefreshedKey(key));
    }

    @PatchMapping("/v2/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set when a key expires; without expiresAt it expires now")
    void expire(@PathVariable String keyId, @RequestBody(required = false) ExpireInput input) {
        commands.sendAndWait(new ExpireApiKey(keyId, input == null ? null : input.expiresAt()));
    }

    @DeleteMapping("/v2/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key; it stops working at once")
    void revoke(@PathVariable String keyId) {
        commands.sendAndWait(new RevokeApiKey(keyId));
    }
}
