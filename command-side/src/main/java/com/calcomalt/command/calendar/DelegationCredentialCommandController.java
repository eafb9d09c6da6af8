package com.calcomalt.command.calendar;

import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.calendar.CreateDelegationCredential;
import com.calcomalt.contracts.calendar.DelegationCredentialView;
import com.calcomalt.contracts.calendar.DelegationWorkspacePlatform;
import com.calcomalt.contracts.calendar.UpdateDelegationCredential;
import com.calcomalt.platform.secrets.SecretBox;
import com.calcomalt.platform.web.ApiResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's delegation credentials with cal.com API v2's bodies: {@code workspacePlatformSlug},
 * {@code domain}, {@code serviceAccountKey} to create; {@code enabled}, {@code serviceAccountKey} to
 * change. The key is taken, never answered, and sealed here, before any command, so no command,
 * event, table or log line holds it in plaintext.
 */
@RestController
@Tag(name = "Orgs / Delegation Credentials")
class DelegationCredentialCommandController {

    /** The key is sealed as this JSON; a mapper of its own, so the web's settings never change what is sealed. */
    private static final ObjectMapper KEY_JSON = JsonMapper.builder().build();

    private final CommandGateway commands;
    private final SecretBox secrets;

    DelegationCredentialCommandController(CommandGateway commands, SecretBox secrets) {
        this.commands = commands;
        this.secrets = secrets;
    }

    /** A Google service account key (client_email) or a Microsoft one (tenant_id), as cal.com accepts them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServiceAccountKey(@JsonProperty("private_key") @NotBlank @Size(max = 16384) String privateKey,
                             @JsonProperty("client_email") @Size(max = 320) String clientEmail,
                             @JsonProperty("client_id") @NotBlank @Size(max = 255) String clientId,
                             @JsonProperty("tenant_id") @Size(max = 255) String tenantId) {

        @AssertTrue(message = "is a Google key (with client_email) or a Microsoft key (with tenant_id)")
        boolean isGoogleOrMicrosoft() {
            return (clientEmail != null && !clientEmail.isBlank()) || (tenantId != null && !tenantId.isBlank());
        }

        @Override
        public String toString() {
            return "ServiceAccountKey[client_email=" + clientEmail + ", client_id=" + clientId + "]";
        }
    }

    record CreateInput(@NotBlank @Pattern(regexp = "google|office365") String workspacePlatformSlug,
                       @NotBlank @Size(max = 253) String domain,
                       @NotNull @Valid ServiceAccountKey serviceAccountKey) {
    }

    record UpdateInput(Boolean enabled, @Valid ServiceAccountKey serviceAccountKey) {
    }

    @PostMapping("/v2/organizations/{orgId}/delegation-credentials")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a delegation credential for one email domain of the organization (its ADMINs and"
            + " OWNERs); it starts disabled")
    ResponseEntity<ApiResponse<DelegationCredentialView>> create(@PathVariable @Positive int orgId,
                                                                 @Valid @RequestBody CreateInput input) {
        String id = Ids.text();
        int platformId = DelegationWorkspacePlatform.bySlug(input.workspacePlatformSlug()).orElseThrow().id();
        DelegationCredentialView created = commands.sendAndWait(new CreateDelegationCredential(id, orgId, platformId,
                input.domain(), sealed(input.serviceAccountKey())));
        return ResponseEntity.created(URI.create("/v2/organizations/" + orgId + "/delegation-credentials/" + id))
                .body(ApiResponse.success(created));
    }

    @PatchMapping("/v2/organizations/{orgId}/delegation-credentials/{credentialId}")
    @Operation(summary = "Enable or disable a delegation credential, or give it a new service account key (which"
            + " disables it unless the same request enables it)")
    ApiResponse<DelegationCredentialView> update(@PathVariable @Positive int orgId,
                                                 @PathVariable @NotBlank String credentialId,
                                                 @Valid @RequestBody UpdateInput input) {
        return ApiResponse.success(commands.sendAndWait(new UpdateDelegationCredential(credentialId, orgId,
                input.serviceAccountKey() == null ? null : sealed(input.serviceAccountKey()), input.enabled())));
    }

    private String sealed(ServiceAccountKey key) {
        try {
            return secrets.seal(KEY_JSON.writeValueAsString(key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record of strings is always JSON", e);
        }
    }
}
