package com.calcomalt.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.command.support.CallerCommands;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.RegisterUser;
import com.calcomalt.contracts.identity.UpdateUserProfile;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.platform.domain.DomainConflict;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Email and username uniqueness across users, enforced with the event append, on real PostgreSQL. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UserRegistryTest {

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

    /** Every command here is a system admin's. */
    private <R> R send(Object command) {
        return callers.send(command, CallerCommands.ADMIN);
    }

    private int register(String email, String username) {
        int userId = ids.next("users");
        send(new RegisterUser(userId, UUID.randomUUID(), email, username, "Someone", "Europe/Berlin",
                "Monday", "en", 24, IdentityProvider.CAL, null, CreationSource.api_v2));
        return userId;
    }

    private static UpdateUserProfile change(int userId, String email, String username) {
        return new UpdateUserProfile(userId, email, username, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private int eventsOf(int userId) {
        return jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Integer.class, UserIds.aggregateId(userId));
    }

    @Test
    void a_second_user_with_the_same_email_in_other_letters_is_rejected_and_nothing_of_it_is_stored() {
        register("ann-" + tag + "@example.com", "ann-" + tag);
        int rejectedId = ids.next("users");

        assertThatThrownBy(() -> send(new RegisterUser(rejectedId, UUID.randomUUID(),
                "ANN-" + tag + "@Example.com", "other-" + tag, null, "UTC", "Monday", null, 12, IdentityProvider.CAL,
                null, CreationSource.api_v2)))
                .isInstanceOf(DomainConflict.class)
                .hasMessage("The email 'ann-" + tag + "@example.com' is already taken");
        assertThat(eventsOf(rejectedId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from command_side.user_registry where user_id = ?",
                Integer.class, rejectedId)).isZero();
    }

    @Test
    void a_second_user_with_the_same_username_in_other_letters_is_rejected() {
        register("first-" + tag + "@example.com", "Bob-" + tag);

        assertThatThrownBy(() -> register("second-" + tag + "@example.com", "bob-" + tag))
                .isInstanceOf(DomainConflict.class)
                .hasMessage("The username 'bob-" + tag + "' is already taken");
    }

    @Test
    void changing_to_an_email_another_user_has_is_rejected_and_the_change_is_not_stored() {
        register("taken-" + tag + "@example.com", "taken-" + tag);
        int userId = register("mine-" + tag + "@example.com", "mine-" + tag);

        assertThatThrownBy(() -> send(change(userId, "Taken-" + tag + "@example.com", null)))
                .isInstanceOf(DomainConflict.class);
        assertThat(eventsOf(userId)).isEqualTo(1);
    }

    @Test
    void changing_to_a_username_another_user_has_is_rejected() {
        register("carl-" + tag + "@example.com", "carl-" + tag);
        int userId = register("dora-" + tag + "@example.com", "dora-" + tag);

        assertThatThrownBy(() -> send(change(userId, null, "CARL-" + tag)))
                .isInstanceOf(DomainConflict.class)
                .hasMessageContaining("already taken");
        assertThat(eventsOf(userId)).isEqualTo(1);
    }

    @Test
    void an_email_and_username_given_up_can_be_taken_by_another_user() {
        int first = register("old-" + tag + "@example.com", "old-" + tag);
        send(change(first, "new-" + tag + "@example.com", "new-" + tag));

        int second = register("old-" + tag + "@example.com", "old-" + tag);

        assertThat(eventsOf(second)).isEqualTo(1);
    }

    @Test
    void of_twenty_concurrent_registrations_of_one_email_exactly_one_succeeds() throws Exception {
        String email = "race-" + tag + "@example.com";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String username = "race-" + tag + "-" + i;
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    register(email, username);
                    return 1;
                } catch (DomainConflict e) {
                    return 0;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        start.countDown();
        int succeeded = 0;
        for (CompletableFuture<Integer> attempt : attempts) {
            succeeded += attempt.get();
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from eventstore.domain_event_entry
                where payload_type = 'com.calcomalt.contracts.identity.UserRegistered'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'email' = ?""", Integer.class, email)).isEqualTo(1);
    }
}
