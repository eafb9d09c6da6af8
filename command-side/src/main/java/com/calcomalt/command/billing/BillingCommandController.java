package com.calcomalt.command.billing;

import com.calcomalt.contracts.billing.BillingPeriod;
import com.calcomalt.contracts.billing.BillingView;
import com.calcomalt.contracts.billing.ChangeBillingStatus;
import com.calcomalt.contracts.billing.SetBilling;
import com.calcomalt.contracts.billing.SubscriptionStatus;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's or organization's billing row, set whole and given its subscription's status (system
 * admins, standing in for the payment provider's webhook).
 */
@RestController
@Tag(name = "Billing")
class BillingCommandController {

    private final CommandGateway commands;

    BillingCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    record BillingInput(@NotBlank @Size(max = BillingRules.MAX_TEXT) String planName, @NotNull SubscriptionStatus status,
                        BillingPeriod billingPeriod, @PositiveOrZero Integer pricePerSeat,
                        @PositiveOrZero Integer paidSeats, @Size(max = BillingRules.MAX_TEXT) String subscriptionId,
                        @Size(max = BillingRules.MAX_TEXT) String subscriptionItemId,
                        @Size(max = BillingRules.MAX_TEXT) String customerId, Instant subscriptionStart,
                        Instant subscriptionEnd, Instant subscriptionTrialEnd) {
    }

    record StatusInput(@NotNull SubscriptionStatus status) {
    }

    @PutMapping("/v2/teams/{teamId}/billing")
    @Operation(summary = "Set the billing row of a team or organization whole: plan, status, period, price per seat,"
            + " paid seats (null: no limit; there is no overage) and subscription (system admins)")
    ApiResponse<BillingView> set(@PathVariable @Positive int teamId, @Valid @RequestBody BillingInput input) {
        return ApiResponse.success(commands.sendAndWait(new SetBilling(teamId, input.planName(), input.status(),
                input.billingPeriod(), input.pricePerSeat(), input.paidSeats(), input.subscriptionId(),
                input.subscriptionItemId(), input.customerId(), input.subscriptionStart(), input.subscriptionEnd(),
                input.subscriptionTrialEnd())));
    }

    @PatchMapping("/v2/teams/{teamId}/billing/status")
    @Operation(summary = "Record the subscription's status (PAST_DUE, CANCELLED, ACTIVE, ...): a team that is not"
            + " ACTIVE or TRIALING keeps its members but adds no seats (system admins)")
    ApiResponse<BillingView> status(@PathVariable @Positive int teamId, @Valid @RequestBody StatusInput input) {
        return ApiResponse.success(commands.sendAndWait(new ChangeBillingStatus(teamId, input.status())));
    }
}
