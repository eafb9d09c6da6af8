package com.calcomalt.command.features;

import com.calcomalt.contracts.features.CreateFeature;
import com.calcomalt.contracts.features.FeatureAssignmentView;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.FeatureView;
import com.calcomalt.contracts.features.RemoveTeamFeature;
import com.calcomalt.contracts.features.RemoveUserFeature;
import com.calcomalt.contracts.features.SetTeamFeature;
import com.calcomalt.contracts.features.SetUserFeature;
import com.calcomalt.contracts.features.UpdateFeature;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flags and their grants: system admins create and toggle flags (cal.com's admin "toggle" takes
 * {@code slug} and {@code enabled}) and set them for single users; a team's or organization's
 * admins set them for their team, as cal.com's {@code setTeamFeatureState} with "enabled",
 * "disabled" (PUT) and "inherit" (DELETE).
 */
@RestController
@Tag(name = "Features")
class FeatureCommandController {

    private final CommandGateway commands;

    FeatureCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    record CreateInput(@NotBlank @Size(max = FeatureRules.MAX_SLUG) String slug, Boolean enabled,
                       @Size(max = FeatureRules.MAX_DESCRIPTION) String description, FeatureType type) {
    }

    record UpdateInput(Boolean enabled, @Size(max = FeatureRules.MAX_DESCRIPTION) String description,
                       FeatureType type, Boolean stale) {
    }

    record StateInput(@NotNull Boolean enabled) {
    }

    @PostMapping("/v2/admin/features")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a feature flag (system admins); it is off unless enabled, and a RELEASE unless typed")
    ResponseEntity<ApiResponse<FeatureView>> create(@Valid @RequestBody CreateInput input) {
        FeatureView created = commands.sendAndWait(new CreateFeature(input.slug(), input.enabled(),
                input.description(), input.type()));
        return ResponseEntity.created(URI.create("/v2/admin/features/" + created.slug()))
                .body(ApiResponse.success(created));
    }

    @PatchMapping("/v2/admin/features/{slug}")
    @Operation(summary = "Turn a feature flag on or off for everyone, or change its description, type or staleness"
            + " (system admins)")
    ApiResponse<FeatureView> update(@PathVariable @NotBlank @Size(max = FeatureRules.MAX_SLUG) String slug,
                                    @Valid @RequestBody UpdateInput input) {
        return ApiResponse.success(commands.sendAndWait(new UpdateFeature(slug, input.enabled(), input.description(),
                input.type(), input.stale())));
    }

    @PutMapping("/v2/teams/{teamId}/features/{slug}")
    @Operation(summary = "Grant a feature flag to a team or organization, or refuse it there (enabled false),"
            + " by its admins and owners or its organization's")
    ApiResponse<FeatureAssignmentView> setForTeam(@PathVariable @Positive int teamId,
                                                  @PathVariable @NotBlank @Size(max = FeatureRules.MAX_SLUG) String slug,
                                                  @Valid @RequestBody StateInput input) {
        return ApiResponse.success(commands.sendAndWait(new SetTeamFeature(teamId, slug, input.enabled())));
    }

    @DeleteMapping("/v2/teams/{teamId}/features/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Let a team inherit a feature flag again (from its organization)")
    void removeFromTeam(@PathVariable @Positive int teamId,
                        @PathVariable @NotBlank @Size(max = FeatureRules.MAX_SLUG) String slug) {
        commands.sendAndWait(new RemoveTeamFeature(teamId, slug));
    }

    @PutMapping("/v2/users/{userId}/features/{slug}")
    @Operation(summary = "Grant a feature flag to one user, or refuse it to them whatever their teams have"
            + " (system admins)")
    ApiResponse<FeatureAssignmentView> setForUser(@PathVariable @Positive int userId,
                                                  @PathVariable @NotBlank @Size(max = FeatureRules.MAX_SLUG) String slug,
                                                  @Valid @RequestBody StateInput input) {
        return ApiResponse.success(commands.sendAndWait(new SetUserFeature(userId, slug, input.enabled())));
    }

    @DeleteMapping("/v2/users/{userId}/features/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Let a user inherit a feature flag from their teams again (system admins)")
    void removeFromUser(@PathVariable @Positive int userId,
                        @PathVariable @NotBlank @Size(max = FeatureRules.MAX_SLUG) String slug) {
        commands.sendAndWait(new RemoveUserFeature(userId, slug));
    }
}
