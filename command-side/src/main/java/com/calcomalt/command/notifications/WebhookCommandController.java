package com.calcomalt.command.notifications;

import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.notifications.ActivateWebhook;
import com.calcomalt.contracts.notifications.CreateWebhook;
import com.calcomalt.contracts.notifications.DeactivateWebhook;
import com.calcomalt.contracts.notifications.DeleteWebhook;
import com.calcomalt.contracts.notifications.TimeUnit;
import com.calcomalt.contracts.notifications.UpdateWebhook;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.contracts.notifications.WebhookView;
import com.calcomalt.platform.secrets.SecretBox;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.openapitools.jackson.nullable.JsonNullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks of the caller ({@code /v2/webhooks}), of a team and of an event type, with cal.com API
 * v2's body ({@code subscriberUrl}, {@code triggers}, {@code active}, {@code payloadTemplate},
 * {@code secret}, {@code time}, {@code timeUnit}). The secret is taken, never answered, and sealed
 * here, before any command: sealing needs the configured key and a random nonce, which the aggregate
 * then stays free of, and no command, event or lookup ever holds the plaintext.
 */
@RestController
@Tag(name = "Webhooks")
class WebhookCommandController {

    private final CommandGateway commands;
    private final SecretBox secrets;

    WebhookCommandController(CommandGateway commands, SecretBox secrets) {
        this.commands = commands;
        this.secrets = secrets;
    }

    /**
     * cal.com's CreateWebhookInputDto; active is true unless given (cal.com requires it); time and timeUnit
     * are ours, for the triggers that fire after a Cal Video meeting. version has one value in cal.com.
     */
    record CreateInput(@NotBlank @Size(max = 2048) String subscriberUrl,
                       @NotEmpty List<@NotNull WebhookTriggerEvent> triggers, Boolean active,
                       @Size(max = 65536) String payloadTemplate, @Size(max = 1024) String secret,
                       @Schema(allowableValues = VERSION) @Pattern(regexp = VERSION) String version,
                       @Positive Integer time, TimeUnit timeUnit) {

        @Override
        public String toString() {
            return "CreateInput[subscriberUrl=" + subscriberUrl + ", triggers=" + triggers + "]";
        }
    }

    /** cal.com's UpdateWebhookInputDto: every field optional; secret and payloadTemplate sent as null are removed. */
    record UpdateInput(@Size(min = 1, max = 2048) String subscriberUrl, List<@NotNull WebhookTriggerEvent> triggers,
                       Boolean active, @Size(max = 65536) JsonNullable<String> payloadTemplate,
                       @Size(max = 1024) JsonNullable<String> secret,
                       @Schema(allowableValues = VERSION) @Pattern(regexp = VERSION) String version,
                       @Positive Integer time, TimeUnit timeUnit) {

        @Override
        public String toString() {
            return "UpdateInput[subscriberUrl=" + subscriberUrl + ", triggers=" + triggers + "]";
        }
    }

    /** cal.com's only webhook payload version, the Webhook.version column's default. */
    static final String VERSION = "2021-10-20";

    @PostMapping("/v2/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe a URL to the caller's bookings")
    ResponseEntity<ApiResponse<WebhookView>> createForCaller(@Valid @RequestBody CreateInput input) {
        return create(Callers.required().userId(), null, null, input);
    }

    @PostMapping("/v2/teams/{teamId}/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe a URL to a team's bookings (team ADMIN or OWNER)")
    ResponseEntity<ApiResponse<WebhookView>> createForTeam(@PathVariable @Positive int teamId,
                                                           @Valid @RequestBody CreateInput input) {
        return create(null, teamId, null, input);
    }

    @PostMapping("/v2/event-types/{eventTypeId}/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe a URL to the bookings of one event type (whoever may change it)")
    ResponseEntity<ApiResponse<WebhookView>> createForEventType(@PathVariable @Positive int eventTypeId,
                                                                @Valid @RequestBody CreateInput input) {
        return create(null, null, eventTypeId, input);
    }

    private ResponseEntity<ApiResponse<WebhookView>> create(Integer userId, Integer teamId, Integer eventTypeId,
                                                            CreateInput input) {
        String webhookId = Ids.text();
        boolean active = !Boolean.FALSE.equals(input.active());
        WebhookView webhook = commands.sendAndWait(new CreateWebhook(webhookId, userId, teamId, eventTypeId,
                input.subscriberUrl(), input.triggers(), sealed(input.secret()), active, input.payloadTemplate(),
                input.time(), input.timeUnit()));
        return ResponseEntity.created(URI.create("/v2/webhooks/" + webhookId)).body(ApiResponse.success(webhook));
    }

    @PatchMapping("/v2/webhooks/{webhookId}")
    @Operation(summary = "Change a webhook; what is left out stays, an empty secret or payloadTemplate removes it")
    ApiResponse<WebhookView> update(@PathVariable @NotBlank String webhookId, @Valid @RequestBody UpdateInput input) {
        return ApiResponse.success(commands.sendAndWait(new UpdateWebhook(webhookId, input.subscriberUrl(),
                input.triggers(), sealed(removable(input.secret())), removable(input.payloadTemplate()), input.time(),
                input.timeUnit(), input.active())));
    }

    /** Sent as null is "" to UpdateWebhook, which removes what is blank; left out is null, which keeps it. */
    private static String removable(JsonNullable<String> field) {
        return field == null || !field.isPresent() ? null : field.get() == null ? "" : field.get();
    }

    /** Null keeps the secret and blank removes it, as in the request; anything else is sealed. */
    private String sealed(String secret) {
        return secret == null || secret.isBlank() ? secret : secrets.seal(secret);
    }

    @PostMapping("/v2/webhooks/{webhookId}/activate")
    @Operation(summary = "Deliver to this webhook again")
    ApiResponse<WebhookView> activate(@PathVariable @NotBlank String webhookId) {
        return ApiResponse.success(commands.sendAndWait(new ActivateWebhook(webhookId)));
    }

    @PostMapping("/v2/webhooks/{webhookId}/deactivate")
    @Operation(summary = "Stop delivering to this webhook; its pending deliveries are cancelled")
    ApiResponse<WebhookView> deactivate(@PathVariable @NotBlank String webhookId) {
        return ApiResponse.success(commands.sendAndWait(new DeactivateWebhook(webhookId)));
    }

    @DeleteMapping("/v2/webhooks/{webhookId}")
    @Operation(summary = "Delete a webhook; its pending deliveries are cancelled. Answers it as it was, as cal.com")
    ApiResponse<WebhookView> delete(@PathVariable @NotBlank String webhookId) {
        return ApiResponse.success(commands.sendAndWait(new DeleteWebhook(webhookId)));
    }
}
