package com.calcomalt.command.automation;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.automation.AIPhoneCallSettings;
import com.calcomalt.contracts.automation.ConfigureAIPhoneCall;
import com.calcomalt.contracts.automation.RemoveAIPhoneCallConfiguration;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An event type's AI phone call configuration, set whole or removed by whoever may change the event type. */
@RestController
@Tag(name = "Workflows")
class AIPhoneCallConfigurationController {

    private final CommandGateway commands;
    private final IdAllocator ids;

    AIPhoneCallConfigurationController(CommandGateway commands, IdAllocator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record ConfigurationInput(@Size(max = 100_000) String generalPrompt, @NotBlank String yourPhoneNumber,
                              @NotBlank String numberToCall, @Size(max = 255) String guestName, Boolean enabled,
                              @Size(max = 10_000) String beginMessage, @Size(max = 255) String llmId,
                              @Size(max = 255) String guestCompany, @Email String guestEmail,
                              @Size(max = 255) String schedulerName, @Size(max = 100) String templateType) {
    }

    record Configured(int eventTypeId) {
    }

    @PutMapping("/v2/event-types/{eventTypeId}/ai-phone-call-configuration")
    @Operation(summary = "Set the event type's AI phone call configuration")
    ApiResponse<Configured> configure(@PathVariable @Positive int eventTypeId,
                                      @Valid @RequestBody ConfigurationInput input) {
        commands.sendAndWait(new ConfigureAIPhoneCall(eventTypeId, ids.next("AIPhoneCallConfiguration"),
                new AIPhoneCallSettings(input.generalPrompt(), input.yourPhoneNumber(), input.numberToCall(),
                        input.guestName(), input.enabled(), input.beginMessage(), input.llmId(), input.guestCompany(),
                        input.guestEmail(), input.schedulerName(), input.templateType())));
        return ApiResponse.success(new Configured(eventTypeId));
    }

    @DeleteMapping("/v2/event-types/{eventTypeId}/ai-phone-call-configuration")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the event type's AI phone call configuration")
    void remove(@PathVariable @Positive int eventTypeId) {
        commands.sendAndWait(new RemoveAIPhoneCallConfiguration(eventTypeId));
    }
}
