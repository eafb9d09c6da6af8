package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import com.calcomalt.platform.domain.DomainConflict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An event handler of a pooled processor writes a row and then sends a command that its aggregate
 * refuses, as StripePayments does when a payment arrives for a cancelled booking. The refusal is the
 * handler's to deal with; it must not undo what the handler wrote before it in the batch's transaction.
 * The command loads its aggregate through the event store's {@link ConnectionProvider}: the first use
 * of that provider in the batch is inside the command, as in production, where the token is stored
 * only when the batch commits.
 */
class RefusedCommandInEventHandlerTest {

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
        jdbc.execute("create table public.handler_rows (id text primary key)");
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
    void a_refused_command_leaves_what_the_handler_wrote_before_it() throws Exception {
        axon = node(new AxonOnPostgresAutoConfiguration().connectionProvider(dataSource));
        String booking = "booking-" + System.nanoTime();

        axon.commandGateway().sendAndWait(new Book(booking));

        awaitRow(booking + "-after-the-refusal");
        assertThat(rows(booking)).as("the row written before the refused command, and the one after it")
                .containsExactly(booking + "-after-the-refusal", booking + "-before-the-command");
    }

    private Configuration node(ConnectionProvider connections) {
        AxonOnPostgresAutoConfiguration platform = new AxonOnPostgresAutoConfiguration();
        Serializer serializer = platform.serializer();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureTransactionManager(c -> new SpringTransactionManager(transactions))
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(JdbcEventStorageEngine.builder()
                        .snapshotSerializer(serializer).eventSerializer(serializer)
                        .persistenceExceptionResolver(platform.persistenceExceptionResolver())
                        .connectionProvider(connections)
                        .transactionManager(c.getComponent(org.axonframework.common.transaction.TransactionManager.class))
                        .schema(platform.eventSchema())
                        .build()).build())
                .registerComponent(TokenStore.class, c -> JdbcTokenStore.builder()
                        .connectionProvider(connections).serializer(serializer).schema(platform.tokenSchema()).build())
                .configureAggregate(Booking.class)
                .eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessor("payments", Configuration::eventStore,
                                (c, builder) -> builder.batchSize(1))
                        .registerEventHandler(c -> new Payments(c.commandGateway())))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    private static void awaitRow(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (jdbc.queryForObject("select count(*) from public.handler_rows where id = ?", Integer.class, id) == 0) {
            assertThat(Instant.now()).as("the handler's batch committed").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private static List<String> rows(String booking) {
        return jdbc.queryForList("select id from public.handler_rows where id like ? order by id", String.class,
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
            jdbc.update("insert into public.handler_rows (id) values (?)", event.id() + "-before-the-command");
            try {
                commands.sendAndWait(new MarkPaid(event.id()));
            } catch (DomainConflict refused) {
                jdbc.update("insert into public.handler_rows (id) values (?)", event.id() + "-after-the-refusal");
            }
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
