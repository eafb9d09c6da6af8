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
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
    @Operation(summary = "The teams of an organization the caller may see",
            description = "take is 1 to 250 (250 unless given), skip 0 unless given, as cal.com's SkipTakePagination")
    ApiResponse<List<TeamView>> subTeams(@PathVariable @Positive int orgId,
                                         @RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
                                         @RequestParam(defaultValue = "0") @Min(0) int skip) {
        visibleOrganization(orgId);
        return ApiResponse.success(page(queries.query(new FindSubTeams(orgId, Callers.required()),
                ResponseTypes.multipleInstancesOf(TeamView.class)).join(), take, skip));
    }

    @GetMapping("/v2/organizations/{orgId}/teams/me")
    @Operation(summary = "The teams of an organization the caller belongs to, invited or accepted",
            description = "take is 1 to 250 (250 unless given), skip 0 unless given")
    ApiResponse<List<TeamView>> mySubTeams(@PathVariable @Positive int orgId,
                                           @RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
                                           @RequestParam(defaultValue = "0") @Min(0) int skip) {
        visibleOrganization(orgId);
        return ApiResponse.success(page(queries.query(new FindTeamsOfCaller(Callers.required()),
                ResponseTypes.multipleInstancesOf(TeamView.class)).join().stream()
                .filter(team -> Objects.equals(team.parentId(), orgId)).toList(), take, skip));
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

    @GetMapping("/v2/teams/{teamId}/memberships")
    @Operation(summary = "The memberships of a team",
            description = "emails (comma-separated, at most 20) keeps the members with those emails, as cal.com's"
                    + " GetTeamMembershipsInput; take is 1 to 250 (250 unless given), skip 0 unless given")
    ApiResponse<List<MembershipView>> memberships(@PathVariable @Positive int teamId,
                                                  @RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
                                                  @RequestParam(defaultValue = "0") @Min(0) int skip,
                                                  @RequestParam(required = false) @Size(max = 20)
                                                  List<@Email String> emails) {
        visibleTeam(teamId);
        Set<String> wanted = emails == null ? null : emails.stream().map(String::trim).filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return ApiResponse.success(page(memberList(teamId).stream()
                .filter(m -> wanted == null || wanted.isEmpty()
                        || wanted.contains(m.user().email().toLowerCase(Locale.ROOT)))
                .toList(), take, skip));
    }

    @GetMapping("/v2/organizations/{orgId}/memberships")
    @Operation(summary = "The memberships of an organization",
            description = "emails (comma-separated, at most 20) keeps the members with those emails; take is 1 to"
                    + " 250 (250 unless given), skip 0 unless given")
    ApiResponse<List<MembershipView>> organizationMemberships(@PathVariable @Positive int orgId,
                                                              @RequestParam(defaultValue = "250") @Min(1) @Max(250)
                                                              int take,
                                                              @RequestParam(defaultValue = "0") @Min(0) int skip,
                                                              @RequestParam(required = false) @Size(max = 20)
                                                              List<@Email String> emails) {
        visibleOrganization(orgId);
        return memberships(orgId, take, skip, emails);
    }

    @GetMapping("/v2/organizations/{orgId}/memberships/{membershipId}")
    @Operation(summary = "Get a membership of an organization")
    ApiResponse<MembershipView> organizationMembership(@PathVariable @Positive int orgId,
                                                       @PathVariable @Positive int membershipId) {
        visibleOrganization(orgId);
        return membership(orgId, membershipId);
    }

    @GetMapping("/v2/organizations/{orgId}/teams/{teamId}/memberships")
    @Operation(summary = "The memberships of a team of an organization",
            description = "take is 1 to 250 (250 unless given), skip 0 unless given")
    ApiResponse<List<MembershipView>> subTeamMemberships(@PathVariable @Positive int orgId,
                                                         @PathVariable @Positive int teamId,
                                                         @RequestParam(defaultValue = "250") @Min(1) @Max(250) int take,
                                                         @RequestParam(defaultValue = "0") @Min(0) int skip) {
        subTeam(orgId, teamId);
        return ApiResponse.success(page(memberList(teamId), take, skip));
    }

    @GetMapping("/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}")
    @Operation(summary = "Get a membership of a team of an organization")
    ApiResponse<MembershipView> subTeamMembership(@PathVariable @Positive int orgId, @PathVariable @Positive int teamId,
                                                  @PathVariable @Positive int membershipId) {
        subTeam(orgId, teamId);
        return membership(teamId, membershipId);
    }

    private static <T> List<T> page(List<T> all, int take, int skip) {
        return all.stream().skip(skip).limit(take).toList();
    }

    @GetMapping("/v2/teams/{teamId}/memberships/{membershipId}")
    @Operation(summary = "Get a membership of a team")
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
