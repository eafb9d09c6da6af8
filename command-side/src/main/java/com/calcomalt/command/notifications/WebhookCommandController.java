package com.calcomalt.command.notifications;

import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.notifications.ActivateWebhook;
import com.calcomalt.contracts.notifications.CreateWebhook;
import com.calcomalt.contracts.notifications.DeactivateWebhook;
import com.calcomalt.contracts.notifications.DeleteWebhook;
import com.calcomalt.contracts.notifications.TimeUnit;
import com.calcomalt.contracts.notifications.UpdateWebhook;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
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

/**
 * Webhooks of the caller ({@code /v2/webhooks}), of a team and of an event type, with cal.com API
 * v2's body ({@code subscriberUrl}, {@code triggers}, {@code active}, {@code payloadTemplate},
 * {@code secret}, {@code time}, {@code timeUnit}). The secret is taken, never answered.
 */
@RestController
@Tag(name = "Webhooks")
class WebhookCommandController {

    private final CommandGateway commands;

    WebhookCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    record CreateInput(@NotBlank @Size(max = 2048) String subscriberUrl,
                       @NotEmpty List<@NotNull WebhookTriggerEvent> triggers, Boolean active,
                       @Size(max = 65536) String payloadTemplate, @Size(max = 1024) String secret,
                       @Positive Integer time, TimeUnit timeUnit) {

        @Override
        public String toString() {
            return "CreateInput[subscriberUrl=" + subscriberUrl + ", triggers=" + triggers + "]";
        }
    }

    record UpdateInput(@Size(min = 1, max = 2048) String subscriberUrl, List<@NotNull WebhookTriggerEvent> triggers,
                       Boolean active, @Size(max = 65536) String payloadTemplate, @Size(max = 1024) String secret,
                       @Positive Integer time, TimeUnit timeUnit) {

        @Override
        public String toString() {
            return "UpdateInput[subscriberUrl=" + subscriberUrl + ", triggers=" + triggers + "]";
        }
    }

    /** What a command answers: the webhook's id, its owner and subscription, never its secret. */
    record Changed(String id, Integer userId, Integer teamId, Integer eventTypeId, String subscriberUrl,
                   List<WebhookTriggerEvent> triggers, Boolean active, boolean hasSecret) {
    }

    @PostMapping("/v2/webhooks")
    @Operation(summary = "Subscribe a URL to the caller's bookings")
    ResponseEntity<ApiResponse<Changed>> createForCaller(@Valid @RequestBody CreateInput input) {
        return create(Callers.required().userId(), null, null, input);
    }

    @PostMapping("/v2/teams/{teamId}/webhooks")
    @Operation(summary = "Subscribe a URL to a team's bookings (team ADMIN or OWNER)")
    ResponseEntity<ApiResponse<Changed>> createForTeam(@PathVariable @Positive int teamId,
                                                       @Valid @RequestBody CreateInput input) {
        return create(null, teamId, null, input);
    }

    @PostMapping("/v2/event-types/{eventTypeId}/webhooks")
    @Operation(summary = "Subscribe a URL to the bookings of one event type (whoever may change it)")
    ResponseEntity<ApiResponse<Changed>> createForEventType(@PathVariable @Positive int eventTypeId,
                                                            @Valid @RequestBody CreateInput input) {
        return create(null, null, eventTypeId, input);
    }

    private ResponseEntity<ApiResponse<Changed>> create(Integer userId, Integer teamId, Integer eventTypeId,
                                                        CreateInput input) {
        String webhookId = Ids.text();
        boolean active = !Boolean.FALSE.equals(input.active());
        commands.sendAndWait(new CreateWebhook(webhookId, userId, teamId, eventTypeId, input.subscriberUrl(),
                input.triggers(), input.secret(), active, input.payloadTemplate(), input.time(), input.timeUnit()));
        return ResponseEntity.created(URI.create("/v2/webhooks/" + webhookId))
                .body(ApiResponse.success(new Changed(webhookId, userId, teamId, eventTypeId, input.subscriberUrl(),
                        input.triggers(), active, input.secret() != null && !input.secret().isBlank())));
    }

    @PatchMapping("/v2/webhooks/{webhookId}")
    @Operation(summary = "Change a webhook; what is left out stays, an empty secret or payloadTemplate removes it")
    ApiResponse<Changed> update(@PathVariable @NotBlank String webhookId, @Valid @RequestBody UpdateInput input) {
        commands.sendAndWait(new UpdateWebhook(webhookId, input.subscriberUrl(), input.triggers(), input.secret(),
                input.payloadTemplate(), input.time(), input.timeUnit(), input.active()));
        return ApiResponse.success(new Changed(webhookId, null, null, null, input.subscriberUrl(), input.triggers(),
                input.active(), input.secret() != null && !input.secret().isBlank()));
    }

    @PostMapping("/v2/webhooks/{webhookId}/activate")
    @Operation(summary = "Deliver to this webhook again")
    ApiResponse<Changed> activate(@PathVariable @NotBlank String webhookId) {
        commands.sendAndWait(new ActivateWebhook(webhookId));
        return ApiResponse.success(new Changed(webhookId, null, null, null, null, null, true, false));
    }

    @PostMapping("/v2/webhooks/{webhookId}/deactivate")
    @Operation(summary = "Stop delivering to this webhook; its pending deliveries are cancelled")
    ApiResponse<Changed> deactivate(@PathVariable @NotBlank String webhookId) {
        commands.sendAndWait(new DeactivateWebhook(webhookId));
        return ApiResponse.success(new Changed(webhookId, null, null, null, null, null, false, false));
    }

    @DeleteMapping("/v2/webhooks/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook; its pending deliveries are cancelled")
    void delete(@PathVariable @NotBlank String webhookId) {
        commands.sendAndWait(new DeleteWebhook(webhookId));
    }
}
