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
import java.util.stream.Stream;
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

/** Memberships of teams and organizations (an organization is a team), as cal.com API v2 shapes them. */
@RestController
@Tag(name = "Memberships")
class MembershipCommandController {

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final IdentityLookups lookups;

    MembershipCommandController(CommandGateway commands, IdAllocator ids, IdentityLookups lookups) {
        this.commands = commands;
        this.ids = ids;
        this.lookups = lookups;
    }

    record InviteInput(@NotNull @Positive Integer userId, MembershipRole role) {
    }

    /** One change per request: accepting, a new role, or the impersonation setting. */
    record UpdateInput(Boolean accepted, MembershipRole role, Boolean disableImpersonation) {
        @AssertTrue(message = "names exactly one of accepted (true), role or disableImpersonation")
        boolean isOneChange() {
            return Stream.of(accepted, role, disableImpersonation).filter(Objects::nonNull).count() == 1
                    && !Boolean.FALSE.equals(accepted);
        }
    }

    record MembershipRef(int id, int teamId) {
    }

    @PostMapping({"/v2/teams/{teamId}/memberships", "/v2/organizations/{teamId}/memberships"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a user with a role (admins and owners; only owners make owners)")
    ResponseEntity<ApiResponse<MembershipRef>> invite(@PathVariable @Positive int teamId,
                                                      @Valid @RequestBody InviteInput input) {
        int membershipId = ids.next("Membership");
        commands.sendAndWait(new InviteMember(membershipId, teamId, input.userId(),
                Objects.requireNonNullElse(input.role(), MembershipRole.MEMBER), ids.next("Profile")));
        return ResponseEntity.created(URI.create("/v2/teams/" + teamId + "/memberships/" + membershipId))
                .body(ApiResponse.success(new MembershipRef(membershipId, teamId)));
    }

    @PatchMapping({"/v2/teams/{teamId}/memberships/{membershipId}",
            "/v2/organizations/{teamId}/memberships/{membershipId}"})
    @Operation(summary = "Accept an invitation, change a member's role, or whether they may be impersonated")
    ApiResponse<MembershipRef> update(@PathVariable @Positive int teamId, @PathVariable @Positive int membershipId,
                                      @Valid @RequestBody UpdateInput input) {
        requireMembershipOf(teamId, membershipId);
        if (input.accepted() != null) {
            commands.sendAndWait(new AcceptMembership(membershipId, ids.next("Profile")));
        } else if (input.role() != null) {
            commands.sendAndWait(new ChangeMemberRole(membershipId, input.role()));
        } else {
            commands.sendAndWait(new ChangeMembershipImpersonation(membershipId, input.disableImpersonation()));
        }
        return ApiResponse.success(new MembershipRef(membershipId, teamId));
    }

    /** The member declines a pending invitation or leaves; an admin or owner removes someone else. */
    @DeleteMapping({"/v2/teams/{teamId}/memberships/{membershipId}",
            "/v2/organizations/{teamId}/memberships/{membershipId}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Decline or leave one's own membership, or remove someone else's (admins and owners)")
    void delete(@PathVariable @Positive int teamId, @PathVariable @Positive int membershipId) {
        IdentityLookups.MemberRecord membership = requireMembershipOf(teamId, membershipId);
        Caller caller = Callers.required();
        if (caller.userId() != membership.userId()) {
            commands.sendAndWait(new RemoveMember(membershipId));
        } else if (membership.accepted()) {
            commands.sendAndWait(new LeaveTeam(membershipId));
        } else {
            commands.sendAndWait(new DeclineMembership(membershipId));
        }
    }

    private IdentityLookups.MemberRecord requireMembershipOf(int teamId, int membershipId) {
        return lookups.membership(membershipId).filter(m -> m.teamId() == teamId)
                .orElseThrow(() -> new NotFound("Team " + teamId + " has no membership " + membershipId));
    }
}
