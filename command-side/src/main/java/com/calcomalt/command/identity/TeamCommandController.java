package com.calcomalt.command.identity;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.identity.CreateTeam;
import com.calcomalt.contracts.identity.DeleteTeam;
import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.TeamView;
import com.calcomalt.contracts.identity.UpdateOrganizationSettings;
import com.calcomalt.contracts.identity.UpdateTeam;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
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
 * Teams, organizations and the teams of an organization, in cal.com API v2's shapes: every command
 * answers the team as cal.com's TeamOutputDto (an organization's also with its settings). The caller
 * becomes the new team's OWNER, or the user an organization's {@code orgOwnerEmail} names.
 */
@RestController
@Tag(name = "Teams and organizations")
class TeamCommandController {

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final IdentityLookups lookups;

    TeamCommandController(CommandGateway commands, IdAllocator ids, IdentityLookups lookups) {
        this.commands = commands;
        this.ids = ids;
        this.lookups = lookups;
    }

    @PostMapping("/v2/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a team")
    ResponseEntity<ApiResponse<TeamView>> createTeam(@Valid @RequestBody TeamInput input) {
        return create(input, null, false, "/v2/teams/");
    }

    @PostMapping("/v2/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organization; organizationSettings.orgAutoAcceptEmail is its email domain",
            description = "System admins create organizations, for themselves or for the owner orgOwnerEmail names;"
                    + " other users only when calalt.organizations.self-serve is on, and only one they own")
    ResponseEntity<ApiResponse<TeamView>> createOrganization(@Valid @RequestBody TeamInput input) {
        return create(input, null, true, "/v2/organizations/");
    }

    @PostMapping("/v2/organizations/{orgId}/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a team of an organization")
    ResponseEntity<ApiResponse<TeamView>> createSubTeam(@PathVariable @Positive int orgId,
            @Valid @RequestBody TeamInput input) {
        return create(input, orgId, false, "/v2/organizations/" + orgId + "/teams/");
    }

    @PatchMapping("/v2/teams/{teamId}")
    @Operation(summary = "Rename a team, change its slug, branding or settings")
    ApiResponse<TeamView> update(@PathVariable @Positive int teamId, @Valid @RequestBody TeamUpdateInput input) {
        return ApiResponse.success(commands.sendAndWait(new UpdateTeam(teamId, input.name(), input.slug(),
                input.settings())));
    }

    @PatchMapping("/v2/organizations/{orgId}")
    @Operation(summary = "Rename an organization, change its slug, branding or settings")
    ApiResponse<TeamView> updateOrganization(@PathVariable @Positive int orgId,
                                             @Valid @RequestBody TeamUpdateInput input) {
        requireOrganization(orgId);
        return update(orgId, input);
    }

    @PatchMapping("/v2/organizations/{orgId}/teams/{teamId}")
    @Operation(summary = "Rename a team of an organization, change its slug, branding or settings")
    ApiResponse<TeamView> updateSubTeam(@PathVariable @Positive int orgId, @PathVariable @Positive int teamId,
                                       @Valid @RequestBody TeamUpdateInput input) {
        requireSubTeam(orgId, teamId);
        return update(teamId, input);
    }

    @PatchMapping("/v2/organizations/{orgId}/settings")
    @Operation(summary = "Change an organization's settings")
    ApiResponse<TeamView> updateOrganizationSettings(@PathVariable @Positive int orgId,
                                                    @RequestBody OrganizationSettings settings) {
        return ApiResponse.success(commands.sendAndWait(new UpdateOrganizationSettings(orgId, settings)));
    }

    @DeleteMapping("/v2/teams/{teamId}")
    @Operation(summary = "Delete a team (owners); answers it as it was, as cal.com")
    ApiResponse<TeamView> delete(@PathVariable @Positive int teamId) {
        return ApiResponse.success(commands.sendAndWait(new DeleteTeam(teamId)));
    }

    @DeleteMapping("/v2/organizations/{orgId}")
    @Operation(summary = "Delete an organization without teams (owners); answers it as it was")
    ApiResponse<TeamView> deleteOrganization(@PathVariable @Positive int orgId) {
        requireOrganization(orgId);
        return delete(orgId);
    }

    @DeleteMapping("/v2/organizations/{orgId}/teams/{teamId}")
    @Operation(summary = "Delete a team of an organization (owners); answers it as it was")
    ApiResponse<TeamView> deleteSubTeam(@PathVariable @Positive int orgId, @PathVariable @Positive int teamId) {
        requireSubTeam(orgId, teamId);
        return delete(teamId);
    }

    private ResponseEntity<ApiResponse<TeamView>> create(TeamInput input, Integer parentId, boolean organization,
                                                        String location) {
        int teamId = ids.next("Team");
        String slug = input.slug() != null ? input.slug() : slugOf(input.name());
        TeamView team = commands.sendAndWait(new CreateTeam(teamId, input.name(), slug, parentId, organization,
                input.settings(), organization ? ids.next("OrganizationSettings") : null,
                organization ? input.organizationSettings() : null, ids.next("Membership"), ids.next("Profile"),
                input.orgOwnerEmail()));
        return ResponseEntity.created(URI.create(location + teamId)).body(ApiResponse.success(team));
    }

    /** cal.com's slugify of the name, which a team without a slug gets: "Teams Dög 1" becomes "teams-dog-1". */
    static String slugOf(String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? null : slug;
    }

    private void requireOrganization(int orgId) {
        if (lookups.team(orgId).filter(IdentityLookups.TeamRecord::isOrganization).isEmpty()) {
            throw new NotFound("No organization with id " + orgId);
        }
    }

    private void requireSubTeam(int orgId, int teamId) {
        if (lookups.team(teamId).filter(team -> Objects.equals(team.parentId(), orgId)).isEmpty()) {
            throw new NotFound("Organization " + orgId + " has no team " + teamId);
        }
    }
}
