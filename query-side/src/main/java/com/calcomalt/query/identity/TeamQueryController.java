package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.FindMemberships;
import com.calcomalt.contracts.identity.FindSubTeams;
import com.calcomalt.contracts.identity.FindTeam;
import com.calcomalt.contracts.identity.FindTeamsOfCaller;
import com.calcomalt.contracts.identity.MembershipView;
import com.calcomalt.contracts.identity.TeamView;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Objects;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Teams, organizations and their memberships, as far as the caller may see them; the rest is 404. */
@RestController
@Tag(name = "Teams and organizations")
class TeamQueryController {

    private final QueryGateway queries;

    TeamQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/teams")
    @Operation(summary = "The teams and organizations the caller belongs to, invited or accepted")
    ApiResponse<List<TeamView>> mine() {
        return ApiResponse.success(queries.query(new FindTeamsOfCaller(Callers.required()),
                ResponseTypes.multipleInstancesOf(TeamView.class)).join());
    }

    @GetMapping("/v2/teams/{teamId}")
    @Operation(summary = "Get a team")
    ApiResponse<TeamView> team(@PathVariable @Positive int teamId) {
        return ApiResponse.success(visibleTeam(teamId));
    }

    @GetMapping("/v2/organizations/{orgId}")
    @Operation(summary = "Get an organization with its settings")
    ApiResponse<TeamView> organization(@PathVariable @Positive int orgId) {
        return ApiResponse.success(visibleOrganization(orgId));
    }

    @GetMapping("/v2/organizations/{orgId}/teams")
    @Operation(summary = "The teams of an organization the caller may see")
    ApiResponse<List<TeamView>> subTeams(@PathVariable @Positive int orgId) {
        visibleOrganization(orgId);
        return ApiResponse.success(queries.query(new FindSubTeams(orgId, Callers.required()),
                ResponseTypes.multipleInstancesOf(TeamView.class)).join());
    }

    @GetMapping("/v2/organizations/{orgId}/teams/{teamId}")
    @Operation(summary = "Get a team of an organization")
    ApiResponse<TeamView> subTeam(@PathVariable @Positive int orgId, @PathVariable @Positive int teamId) {
        TeamView team = visibleTeam(teamId);
        if (!Objects.equals(team.parentId(), orgId)) {
            throw new ResourceNotFound("Organization " + orgId + " has no team " + teamId);
        }
        return ApiResponse.success(team);
    }

    @GetMapping({"/v2/teams/{teamId}/memberships", "/v2/organizations/{teamId}/memberships"})
    @Operation(summary = "The memberships of a team or organization")
    ApiResponse<List<MembershipView>> memberships(@PathVariable @Positive int teamId) {
        visibleTeam(teamId);
        return ApiResponse.success(memberList(teamId));
    }

    @GetMapping({"/v2/teams/{teamId}/memberships/{membershipId}",
            "/v2/organizations/{teamId}/memberships/{membershipId}"})
    @Operation(summary = "Get a membership of a team or organization")
    ApiResponse<MembershipView> membership(@PathVariable @Positive int teamId,
                                           @PathVariable @Positive int membershipId) {
        visibleTeam(teamId);
        return ApiResponse.success(memberList(teamId).stream().filter(m -> m.id() == membershipId).findFirst()
                .orElseThrow(() -> new ResourceNotFound("Team " + teamId + " has no membership " + membershipId)));
    }

    private List<MembershipView> memberList(int teamId) {
        return queries.query(new FindMemberships(teamId, Callers.required()),
                ResponseTypes.multipleInstancesOf(MembershipView.class)).join();
    }

    private TeamView visibleTeam(int teamId) {
        return queries.query(new FindTeam(teamId, Callers.required()), ResponseTypes.optionalInstanceOf(TeamView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("No team with id " + teamId));
    }

    private TeamView visibleOrganization(int orgId) {
        TeamView team = visibleTeam(orgId);
        if (!team.isOrganization()) {
            throw new ResourceNotFound("No organization with id " + orgId);
        }
        return team;
    }
}
