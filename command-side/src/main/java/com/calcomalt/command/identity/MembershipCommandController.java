package com.calcomalt.command.identity;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.identity.AcceptMembership;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.ChangeMemberRole;
import com.calcomalt.contracts.identity.ChangeMembershipImpersonation;
import com.calcomalt.contracts.identity.DeclineMembership;
import com.calcomalt.contracts.identity.InviteMember;
import com.calcomalt.contracts.identity.LeaveTeam;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.MembershipView;
import com.calcomalt.contracts.identity.RemoveMember;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
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
 * Memberships of teams, organizations (an organization is a team) and an organization's teams, in cal.com
 * API v2's shapes: every command answers the membership with its user (TeamMembershipOutput).
 */
@RestController
@Tag(name = "Memberships")
class MembershipCommandController {

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final IdentityLookups lookups;
    private final DecidedMemberships decided;

    MembershipCommandController(CommandGateway commands, IdAllocator ids, IdentityLookups lookups,
                                DecidedMemberships decided) {
        this.commands = commands;
        this.ids = ids;
        this.lookups = lookups;
        this.decided = decided;
    }

    /**
     * cal.com's CreateTeamMembershipInput: role MEMBER, not accepted and impersonable unless given. Only
     * the member themselves (or a system admin) makes a membership accepted from the start.
     */
    record CreateInput(@NotNull @Positive Integer userId, Boolean accepted, MembershipRole role,
                       Boolean disableImpersonation) {
    }

    /** cal.com's UpdateTeamMembershipInput: what is left out stays. */
    record UpdateInput(Boolean accepted, MembershipRole role, Boolean disableImpersonation) {
        @AssertTrue(message = "accepted can only be true: a member declines or leaves by DELETE")
        boolean isAcceptingOnly() {
            return !Boolean.FALSE.equals(accepted);
        }
    }

    @PostMapping("/v2/teams/{teamId}/memberships")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a user with a role (admins and owners; only owners make owners)")
    ResponseEntity<ApiResponse<MembershipView>> create(@PathVariable @Positive int teamId,
                                                       @Valid @RequestBody CreateInput input) {
        int membershipId = ids.next("Membership");
        commands.sendAndWait(new InviteMember(membershipId, teamId, input.userId(),
                Objects.requireNonNullElse(input.role(), MembershipRole.MEMBER), ids.next("Profile"),
                Boolean.TRUE.equals(input.accepted()), Boolean.TRUE.equals(input.disableImpersonation())));
        return ResponseEntity.created(URI.create("/v2/teams/" + teamId + "/memberships/" + membershipId))
                .body(ApiResponse.success(decided.of(membershipId)));
    }

    @PostMapping("/v2/organizations/{orgId}/memberships")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a user into an organization with a role (admins and owners; only owners make owners)")
    ResponseEntity<ApiResponse<MembershipView>> createInOrganization(@PathVariable @Positive int orgId,
                                                                     @Valid @RequestBody CreateInput input) {
        requireOrganization(orgId);
        return create(orgId, input);
    }

    @PostMapping("/v2/organizations/{orgId}/teams/{teamId}/memberships")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a member of the organization into one of its teams")
    ResponseEntity<ApiResponse<MembershipView>> createInSubTeam(@PathVariable @Positive int orgId,
                                                                @PathVariable @Positive int teamId,
                                                                @Valid @RequestBody CreateInput input) {
        requireSubTeam(orgId, teamId);
        return create(teamId, input);
    }

    /**
     * Each field is its own decision, taken in this order: accepting (the member), the role (admins and
     * owners), impersonation (the member). A refused one leaves those before it done.
     */
    @PatchMapping("/v2/teams/{teamId}/memberships/{membershipId}")
    @Operation(summary = "Accept an invitation, change a member's role, or whether they may be impersonated")
    ApiResponse<MembershipView> update(@PathVariable @Positive int teamId, @PathVariable @Positive int membershipId,
                                       @Valid @RequestBody UpdateInput input) {
        IdentityLookups.MemberRecord membership = requireMembershipOf(teamId, membershipId);
        if (Boolean.TRUE.equals(input.accepted()) && !membership.accepted()) {
            commands.sendAndWait(new AcceptMembership(membershipId, ids.next("Profile")));
        }
        if (input.role() != null) {
            commands.sendAndWait(new ChangeMemberRole(membershipId, input.role()));
        }
        if (input.disableImpersonation() != null) {
            commands.sendAndWait(new ChangeMembershipImpersonation(membershipId, input.disableImpersonation()));
        }
        return ApiResponse.success(decided.of(membershipId));
    }

    @PatchMapping("/v2/organizations/{orgId}/memberships/{membershipId}")
    @Operation(summary = "Accept, change the role or impersonation of a membership of an organization")
    ApiResponse<MembershipView> updateInOrganization(@PathVariable @Positive int orgId,
                                                     @PathVariable @Positive int membershipId,
                                                     @Valid @RequestBody UpdateInput input) {
        requireOrganization(orgId);
        return update(orgId, membershipId, input);
    }

    @PatchMapping("/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}")
    @Operation(summary = "Accept, change the role or impersonation of a membership of an organization's team")
    ApiResponse<MembershipView> updateInSubTeam(@PathVariable @Positive int orgId, @PathVariable @Positive int teamId,
                                                @PathVariable @Positive int membershipId,
                                                @Valid @RequestBody UpdateInput input) {
        requireSubTeam(orgId, teamId);
        return update(teamId, membershipId, input);
    }

    /** The member declines a pending invitation or leaves; an admin or owner removes someone else. */
    @DeleteMapping("/v2/teams/{teamId}/memberships/{membershipId}")
    @Operation(summary = "Decline or leave one's own membership, or remove someone else's (admins and owners);"
            + " answers the membership as it was, as cal.com")
    ApiResponse<MembershipView> delete(@PathVariable @Positive int teamId, @PathVariable @Positive int membershipId) {
        IdentityLookups.MemberRecord membership = requireMembershipOf(teamId, membershipId);
        Caller caller = Callers.required();
        if (caller.userId() != membership.userId()) {
            commands.sendAndWait(new RemoveMember(membershipId));
        } else if (membership.accepted()) {
            commands.sendAndWait(new LeaveTeam(membershipId));
        } else {
            commands.sendAndWait(new DeclineMembership(membershipId));
        }
        return ApiResponse.success(decided.of(membershipId));
    }

    @DeleteMapping("/v2/organizations/{orgId}/memberships/{membershipId}")
    @Operation(summary = "Decline, leave or remove a membership of an organization; answers it as it was")
    ApiResponse<MembershipView> deleteInOrganization(@PathVariable @Positive int orgId,
                                                     @PathVariable @Positive int membershipId) {
        requireOrganization(orgId);
        return delete(orgId, membershipId);
    }

    @DeleteMapping("/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}")
    @Operation(summary = "Decline, leave or remove a membership of an organization's team")
    ApiResponse<MembershipView> deleteInSubTeam(@PathVariable @Positive int orgId, @PathVariable @Positive int teamId,
                                                @PathVariable @Positive int membershipId) {
        requireSubTeam(orgId, teamId);
        return delete(teamId, membershipId);
    }

    private IdentityLookups.MemberRecord requireMembershipOf(int teamId, int membershipId) {
        return lookups.membership(membershipId).filter(m -> m.teamId() == teamId)
                .orElseThrow(() -> new NotFound("Team " + teamId + " has no membership " + membershipId));
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
