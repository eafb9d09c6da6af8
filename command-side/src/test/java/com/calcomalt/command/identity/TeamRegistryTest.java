package com.calcomalt.command.identity;

import static com.calcomalt.command.support.CallerCommands.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.command.support.CallerCommands;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.identity.AcceptMembership;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.ChangeMemberRole;
import com.calcomalt.contracts.identity.CreateTeam;
import com.calcomalt.contracts.identity.InviteMember;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.RemoveMember;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rules that span teams and memberships, on real PostgreSQL and under concurrency. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TeamRegistryTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    IdAllocator ids;
    @Autowired
    JdbcTemplate jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private CallerCommands callers;

    @BeforeEach
    void callers() {
        callers = new CallerCommands(commands, ids);
    }

    private <R> R send(Object command, Caller caller) {
        return callers.send(command, caller);
    }

    private Caller user(String name) {
        return callers.user(name, "UTC");
    }

    private int team(Caller owner, String slug, Integer parentId) {
        int teamId = ids.next("Team");
        send(new CreateTeam(teamId, "Team " + slug, slug, parentId, false, null, null, null, ids.next("Membership"),
                ids.next("Profile"), null), owner);
        return teamId;
    }

    /** An organization the system admin creates for its owner, who then runs it. */
    private int organization(Caller owner, String slug) {
        int teamId = ids.next("Team");
        String ownerEmail = jdbc.queryForObject("select email_lower from command_side.user_registry where user_id = ?",
                String.class, owner.userId());
        send(new CreateTeam(teamId, "Org " + slug, slug, null, true, null, ids.next("OrganizationSettings"),
                new OrganizationSettings("nobody-" + tag + ".example", null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null),
                ids.next("Membership"), ids.next("Profile"), ownerEmail), ADMIN);
        return teamId;
    }

    private int join(int teamId, Caller inviter, Caller member, MembershipRole role) {
        int membershipId = ids.next("Membership");
        send(new InviteMember(membershipId, teamId, member.userId(), role, ids.next("Profile"), false, false), inviter);
        send(new AcceptMembership(membershipId, ids.next("Profile")), member);
        return membershipId;
    }

    private int membershipOf(int teamId, Caller member) {
        return jdbc.queryForObject("select membership_id from command_side.team_members where team_id = ? and user_id = ?",
                Integer.class, teamId, member.userId());
    }

    private int acceptedOwners(int teamId) {
        return jdbc.queryForObject("""
                select count(*) from command_side.team_members where team_id = ? and role = 'OWNER' and accepted""",
                Integer.class, teamId);
    }

    @Test
    void the_last_owner_can_be_neither_removed_nor_demoted() {
        Caller owner = user("last");
        int teamId = team(owner, "last-" + tag, null);
        int ownership = membershipOf(teamId, owner);

        assertThatThrownBy(() -> send(new ChangeMemberRole(ownership, MembershipRole.ADMIN), owner))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("without an accepted owner");
        assertThatThrownBy(() -> send(new RemoveMember(ownership), ADMIN))
                .isInstanceOf(DomainRuleViolation.class);
        assertThat(acceptedOwners(teamId)).isEqualTo(1);
    }

    @Test
    void of_two_owners_removing_each_other_at_the_same_moment_exactly_one_succeeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                Caller first = user("first" + round);
                Caller second = user("second" + round);
                int teamId = team(first, "pair-" + round + "-" + tag, null);
                int secondsMembership = join(teamId, first, second, MembershipRole.OWNER);
                int firstsMembership = membershipOf(teamId, first);
                CyclicBarrier together = new CyclicBarrier(2);

                List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
                attempts.add(CompletableFuture.supplyAsync(() -> removes(together, secondsMembership, first), pool));
                attempts.add(CompletableFuture.supplyAsync(() -> removes(together, firstsMembership, second), pool));

                long succeeded = attempts.stream().filter(CompletableFuture::join).count();
                assertThat(succeeded).as("round %d", round).isEqualTo(1);
                assertThat(acceptedOwners(teamId)).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
    }

    private boolean removes(CyclicBarrier together, int membershipId, Caller remover) {
        try {
            together.await();
            send(new RemoveMember(membershipId), remover);
            return true;
        } catch (DomainRuleViolation | AccessDenied rejected) {
            // the other removal came first: this remover is no owner any more, or would leave none
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_user_is_invited_into_a_team_only_once() {
        Caller owner = user("inviter");
        Caller guest = user("guest");
        int teamId = team(owner, "once-" + tag, null);
        send(new InviteMember(ids.next("Membership"), teamId, guest.userId(), MembershipRole.MEMBER, 0, false, false), owner);

        assertThatThrownBy(() -> send(new InviteMember(ids.next("Membership"), teamId, guest.userId(),
                MembershipRole.ADMIN, 0, false, false), owner))
                .isInstanceOf(DomainConflict.class)
                .hasMessageContaining("is a member of team " + teamId + " already");
    }

    @Test
    void slugs_are_unique_among_top_level_teams_and_among_the_teams_of_one_organization() {
        Caller owner = user("slugs");
        team(owner, "top-" + tag, null);
        assertThatThrownBy(() -> team(owner, "top-" + tag, null))
                .isInstanceOf(DomainConflict.class)
                .hasMessage("The slug 'top-" + tag + "' is taken already");

        int acme = organization(owner, "acme-" + tag);
        int globex = organization(owner, "globex-" + tag);
        team(owner, "sales-" + tag, acme);
        team(owner, "sales-" + tag, globex);
        team(owner, "sales-" + tag, null);
        assertThatThrownBy(() -> team(owner, "sales-" + tag, acme)).isInstanceOf(DomainConflict.class);
    }
}
