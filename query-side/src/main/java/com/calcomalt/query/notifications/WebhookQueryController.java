package com.calcomalt.query.notifications;

import com.calcomalt.contracts.notifications.FindWebhook;
import com.calcomalt.contracts.notifications.FindWebhookDeliveries;
import com.calcomalt.contracts.notifications.FindWebhooks;
import com.calcomalt.contracts.notifications.WebhookDeliveries;
import com.calcomalt.contracts.notifications.WebhookDeliveryView;
import com.calcomalt.contracts.notifications.WebhookView;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks as far as the caller may manage them, and what was delivered to them. Never the secret. */
@RestController
@Tag(name = "Webhooks")
class WebhookQueryController {

    /** cal.com's SkipTakePagination. */
    private static final String PAGINATION = "take is 1 to 250 (250 unless given), skip 0 or more.";

    private final QueryGateway queries;

    WebhookQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/webhooks")
    @Operation(summary = "The caller's own webhooks", description = PAGINATION)
    ApiResponse<List<WebhookView>> mine(@RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
            @RequestParam(defaultValue = "0") @Min(0) int skip) {
        return list(new FindWebhooks(Callers.required(), null, null, null), take, skip);
    }

    @GetMapping("/v2/teams/{teamId}/webhooks")
    @Operation(summary = "A team's webhooks (team ADMIN or OWNER)", description = PAGINATION)
    ApiResponse<List<WebhookView>> team(@PathVariable @Positive int teamId, @RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
            @RequestParam(defaultValue = "0") @Min(0) int skip) {
        return list(new FindWebhooks(Callers.required(), null, teamId, null), take, skip);
    }

    @GetMapping("/v2/event-types/{eventTypeId}/webhooks")
    @Operation(summary = "The webhooks of one event type", description = PAGINATION)
    ApiResponse<List<WebhookView>> eventType(@PathVariable @Positive int eventTypeId, @RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
            @RequestParam(defaultValue = "0") @Min(0) int skip) {
        return list(new FindWebhooks(Callers.required(), null, null, eventTypeId), take, skip);
    }

    @GetMapping("/v2/webhooks/{webhookId}")
    @Operation(summary = "Get a webhook")
    ApiResponse<WebhookView> webhook(@PathVariable String webhookId) {
        return ApiResponse.success(queries.query(new FindWebhook(webhookId, Callers.required()),
                ResponseTypes.optionalInstanceOf(WebhookView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No webhook " + webhookId)));
    }

    @GetMapping("/v2/webhooks/{webhookId}/deliveries")
    @Operation(summary = "Every delivery of a webhook, newest first, with each attempt and its outcome")
    ApiResponse<List<WebhookDeliveryView>> deliveries(@PathVariable String webhookId) {
        return ApiResponse.success(queries.query(new FindWebhookDeliveries(webhookId, Callers.required()),
                ResponseTypes.optionalInstanceOf(WebhookDeliveries.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No webhook " + webhookId)).deliveries());
    }

    private ApiResponse<List<WebhookView>> list(FindWebhooks query, int take, int skip) {
        return ApiResponse.success(queries.query(query, ResponseTypes.multipleInstancesOf(WebhookView.class)).join()
                .stream().skip(skip).limit(take).toList());
    }
}
