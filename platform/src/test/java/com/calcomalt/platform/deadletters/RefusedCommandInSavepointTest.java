package com.calcomalt.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.platform.axon.PlatformAxonParts;
import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import com.calcomalt.platform.domain.DomainConflict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A refused command sent from an event handler that runs in its savepoint ({@link AtomicEventHandlers},
 * savepoints on after a failure): the handler's write before the command and after it both commit, and
 * the savepoint is still there to be released, while another handler that fails still loses its own write alone. The nested command's unit of work used to roll back the
 * whole connection, taking the savepoint with it, so the handler failed on releasing it.
 */
class RefusedCommandInSavepointTest {

    private static EmbeddedPostgresServer server;
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;
    private Configuration axon;

    @BeforeAll
    static void database() {
        server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(Mode.THROWAWAY, Path.of("unused"), 0));
        dataSource = new DriverManagerDataSource(server.jdbcUrl(), server.username(), "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table public.savepoint_handler_rows (id text primary key)");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void a_refused_command_leaves_what_the_handler_wrote_in_its_savepoint() throws Exception {
        axon = node(PlatformAxonParts.connectionProvider(dataSource));
        String booking = "booking-" + System.nanoTime();

        axon.commandGateway().sendAndWait(new Book(booking));

        awaitRow(booking + "-after-the-refusal");
        assertThat(rows(booking)).as("the rows written before and after the refused command, not the failing handler's")
                .containsExactly(booking + "-after-the-refusal", booking + "-before-the-command");
    }

    private Configuration node(ConnectionProvider connections) {
        Serializer serializer = PlatformAxonParts.serializer();
        Savepoints savepoints = new Savepoints(Duration.ofMinutes(1));
        savepoints.turnOnFor(Duration.ofMinutes(1));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("dataSource", dataSource));
        AtomicEventHandlers atomic = new AtomicEventHandlers(new DeadLetteringGroups(Set.of("payments")), savepoints,
                beans.getBeanProvider(DataSource.class), beans.getBeanProvider(EntityManagerFactory.class),
                new BatchedRows(savepoints, jdbc, beans.getBeanProvider(EntityManagerFactory.class), 250));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureTransactionManager(c -> new SpringTransactionManager(transactions))
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(JdbcEventStorageEngine.builder()
                        .snapshotSerializer(serializer).eventSerializer(serializer)
                        .persistenceExceptionResolver(PlatformAxonParts.persistenceExceptionResolver())
                        .connectionProvider(connections)
                        .transactionManager(c.getComponent(org.axonframework.common.transaction.TransactionManager.class))
                        .schema(PlatformAxonParts.eventSchema())
                        .build()).build())
                .registerComponent(TokenStore.class, c -> JdbcTokenStore.builder()
                        .connectionProvider(connections).serializer(serializer).schema(PlatformAxonParts.tokenSchema()).build())
                .registerHandlerEnhancerDefinition(c -> atomic)
                .configureAggregate(Booking.class)
                .eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessor("payments", Configuration::eventStore,
                                (c, builder) -> builder.batchSize(1))
                        .registerEventHandler(c -> new Payments(c.commandGateway()))
                        .registerEventHandler(c -> new FailingAfterItsWrite()))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    private static void awaitRow(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (jdbc.queryForObject("select count(*) from public.savepoint_handler_rows where id = ?", Integer.class, id) == 0) {
            assertThat(Instant.now()).as("the handler's batch committed").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private static List<String> rows(String booking) {
        return jdbc.queryForList("select id from public.savepoint_handler_rows where id like ? order by id", String.class,
                booking + "-%");
    }

    @ProcessingGroup("payments")
    static class Payments {

        private final CommandGateway commands;

        Payments(CommandGateway commands) {
            this.commands = commands;
        }

        @EventHandler
        void on(Booked event) {
            jdbc.update("insert into public.savepoint_handler_rows (id) values (?)", event.id() + "-before-the-command");
            try {
                commands.sendAndWait(new MarkPaid(event.id()));
            } catch (DomainConflict refused) {
                jdbc.update("insert into public.savepoint_handler_rows (id) values (?)", event.id() + "-after-the-refusal");
            }
        }
    }

    /** In the same group and transaction: its savepoint still undoes its own write alone. */
    @ProcessingGroup("payments")
    static class FailingAfterItsWrite {

        @EventHandler
        void on(Booked event) {
            jdbc.update("insert into public.savepoint_handler_rows (id) values (?)", event.id() + "-of-the-failing-handler");
            throw new IllegalStateException("fails after its write");
        }
    }

    record Book(@TargetAggregateIdentifier String id) {
    }

    record MarkPaid(@TargetAggregateIdentifier String id) {
    }

    record Booked(String id) {
    }

    static class Booking {

        @AggregateIdentifier
        private String id;

        Booking() {
        }

        @CommandHandler
        Booking(Book command) {
            apply(new Booked(command.id()));
        }

        @CommandHandler
        void handle(MarkPaid command) {
            throw new DomainConflict("The booking " + id + " is cancelled");
        }

        @EventSourcingHandler
        void on(Booked event) {
            id = event.id();
        }
    }
}
