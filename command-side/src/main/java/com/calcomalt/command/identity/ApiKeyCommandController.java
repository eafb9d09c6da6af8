package com.calcomalt.command.identity;

import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.identity.CreateApiKey;
import com.calcomalt.contracts.identity.ExpireApiKey;
import com.calcomalt.contracts.identity.RevokeApiKey;
import com.calcomalt.platform.security.ApiKeys;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    ApiKeyCommandController(CommandGateway commands) {
        this.commands = commands;
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
