package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes on one event store, each with its own Axon configuration (so no lock in common), change
 * one aggregate at the same moment. The second append breaks the (aggregate, sequence) key; the
 * command is decided again on the first node's event instead of being lost or refused.
 */
class ConflictRetryTest {

    private static EmbeddedPostgresServer server;
    private static DataSource dataSource;
    /** Both nodes' first attempts wait here, so that both have loaded the same version before either appends. */
    private static CyclicBarrier bothLoaded;
    private static final AtomicInteger decisions = new AtomicInteger();
    private final List<Configuration> nodes = new ArrayList<>();

    @BeforeAll
    static void database() {
        server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(Mode.THROWAWAY, Path.of("unused"), 0));
        dataSource = new DriverManagerDataSource(server.jdbcUrl(), server.username(), "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        bothLoaded = new CyclicBarrier(2);
        decisions.set(0);
    }

    @AfterEach
    void shutDown() {
        nodes.forEach(Configuration::shutdown);
    }

    @Test
    void the_command_that_lost_the_race_is_decided_again_on_the_winners_event() throws Exception {
        String counter = "counter-" + System.nanoTime();
        CommandGateway first = gateway(node(), new ConflictRetry(3, Duration.ofMillis(5)));
        CommandGateway second = gateway(node(), new ConflictRetry(3, Duration.ofMillis(5)));
        first.sendAndWait(new Create(counter));

        CompletableFuture<Object> one = CompletableFuture.supplyAsync(() -> first.sendAndWait(new Increment(counter)));
        CompletableFuture<Object> two = CompletableFuture.supplyAsync(() -> second.sendAndWait(new Increment(counter)));

        assertThat(List.of(one.get(20, TimeUnit.SECONDS), two.get(20, TimeUnit.SECONDS)))
                .as("each answer is the count its own increment made").containsExactlyInAnyOrder(1, 2);
        assertThat(decisions.get()).as("two decisions on version 0, one again on version 1").isEqualTo(3);
        assertThat(new JdbcTemplate(dataSource).queryForObject("""
                select count(*) from eventstore.domain_event_entry where aggregate_identifier = ?""",
                Integer.class, counter)).isEqualTo(3);
    }

    @Test
    void without_the_retry_the_loser_fails_with_a_concurrency_exception() throws Exception {
        String counter = "counter-" + System.nanoTime();
        CommandGateway first = gateway(node(), (m, f, h, d) -> false);
        CommandGateway second = gateway(node(), (m, f, h, d) -> false);
        first.sendAndWait(new Create(counter));

        CompletableFuture<Object> one = CompletableFuture.supplyAsync(() -> first.sendAndWait(new Increment(counter)));
        CompletableFuture<Object> two = CompletableFuture.supplyAsync(() -> second.sendAndWait(new Increment(counter)));

        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Object> answer : List.of(one, two)) {
            answer.handle((r, e) -> e == null ? null : failures.add(e)).get(20, TimeUnit.SECONDS);
        }
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).hasCauseInstanceOf(ConcurrencyException.class);
    }

    @Test
    void a_rule_refusal_is_not_tried_again_and_a_conflict_only_so_often() {
        List<Class<? extends Throwable>[]> history = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        ConflictRetry retry = new ConflictRetry(2, Duration.ofMillis(1));

        List<Class<? extends Throwable>[]> refused = new ArrayList<>();
        refused.add(new Class[] {IllegalArgumentException.class});
        assertThat(retry.scheduleRetry(null, new IllegalArgumentException("no"), refused, sent::incrementAndGet))
                .isFalse();
        for (int attempt = 1; attempt <= 3; attempt++) {
            history.add(new Class[] {CannotAcquireLockException.class});
            boolean again = retry.scheduleRetry(null, new CannotAcquireLockException("deadlock detected"),
                    List.copyOf(history), sent::incrementAndGet);
            assertThat(again).as("attempt %d", attempt).isEqualTo(attempt <= 2);
        }
        assertThat(sent.get()).isEqualTo(2);
    }

    private Configuration node() {
        Serializer serializer = new AxonOnPostgresAutoConfiguration().serializer();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureTransactionManager(c -> new SpringTransactionManager(transactions))
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(JdbcEventStorageEngine.builder()
                        .snapshotSerializer(serializer).eventSerializer(serializer)
                        .persistenceExceptionResolver(new AxonOnPostgresAutoConfiguration().persistenceExceptionResolver())
                        .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                                new SpringDataSourceConnectionProvider(dataSource)))
                        .transactionManager(c.getComponent(org.axonframework.common.transaction.TransactionManager.class))
                        .schema(new AxonOnPostgresAutoConfiguration().eventSchema())
                        .build()).build())
                .configureAggregate(Counter.class)
                .buildConfiguration();
        configuration.start();
        nodes.add(configuration);
        return configuration;
    }

    private static CommandGateway gateway(Configuration node, org.axonframework.commandhandling.gateway.RetryScheduler retry) {
        return DefaultCommandGateway.builder().commandBus(node.commandBus()).retryScheduler(retry).build();
    }

    record Create(@TargetAggregateIdentifier String id) {
    }

    record Increment(@TargetAggregateIdentifier String id) {
    }

    record Created(String id) {
    }

    record Incremented(String id, int count) {
    }

    static class Counter {

        @AggregateIdentifier
        private String id;
        private int count;

        Counter() {
        }

        @CommandHandler
        Counter(Create command) {
            apply(new Created(command.id()));
        }

        @CommandHandler
        int handle(Increment command) throws Exception {
            if (decisions.incrementAndGet() <= 2) {
                bothLoaded.await(10, TimeUnit.SECONDS);
            }
            apply(new Incremented(id, count + 1));
            return count;
        }

        @EventSourcingHandler
        void on(Created event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Incremented event) {
            count = event.count();
        }
    }
}
