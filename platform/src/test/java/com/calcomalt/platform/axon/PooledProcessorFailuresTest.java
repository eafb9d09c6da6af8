package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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
 * Failures a pooled processor must get over by releasing the segment and processing the batch again,
 * as it does for any exception. An {@link Error} thrown out of a batch left Axon's work package, which
 * catches exceptions only, unfinished for good: the event was never processed, nothing was logged, and
 * after the next failure the processor's coordinator waited forever for the package to abort
 * (calcom-projections in DatabaseOutageTest, health never UP again).
 */
class PooledProcessorFailuresTest {

    private static EmbeddedPostgresServer server;
    private static JdbcTemplate admin;
    private static HikariDataSource pool;
    private Configuration axon;

    @BeforeAll
    static void database() {
        server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(Mode.THROWAWAY, Path.of("unused"), 0));
        DataSource direct = new DriverManagerDataSource(server.jdbcUrl(), server.username(), "");
        Flyway.configure().dataSource(direct).locations("classpath:db/migration").load().migrate();
        admin = new JdbcTemplate(direct);
        admin.execute("create table public.projected (id text primary key)");
        pool = new HikariDataSource();
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.username());
        new ConnectionLossAsFailure.PooledConnections().postProcessAfterInitialization(pool, "dataSource");
    }

    @AfterAll
    static void stop() {
        pool.close();
        server.close();
    }

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    /**
     * PostgreSQL ends the connection of a batch just before the batch writes its rows in one JDBC batch
     * when it commits, as BatchedRows does for calcom-projections: pgjdbc throws an AssertionError there.
     */
    @Test
    void a_batch_whose_connection_postgresql_ended_is_projected_again() throws Exception {
        axon = node(new AxonOnPostgresAutoConfiguration().connectionProvider(pool));
        String id = "event-" + System.nanoTime();

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Happened(id)));

        awaitRow(id, "the event projected after its first batch lost its connection");
        assertThat(Projector.connectionEnded).as("the first batch lost its connection").isTrue();
    }

    @Test
    void an_error_thrown_by_a_handler_is_retried_as_a_failure() throws Exception {
        axon = node(new AxonOnPostgresAutoConfiguration().connectionProvider(pool));
        String id = "erred-" + System.nanoTime();

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Erred(id)));

        awaitRow(id, "the event projected after its handler threw an Error");
        assertThat(ErringProjector.thrown).as("the handler threw an Error first").isTrue();
    }

    private static void awaitRow(String id, String description) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (admin.queryForObject("select count(*) from public.projected where id = ?", Integer.class, id) == 0) {
            assertThat(Instant.now()).as(description).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private Configuration node(ConnectionProvider connections) {
        AxonOnPostgresAutoConfiguration platform = new AxonOnPostgresAutoConfiguration();
        Serializer serializer = platform.serializer();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(pool);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
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
                .eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessor("projection", Configuration::eventStore,
                                (c, builder) -> builder.initialSegmentCount(1).tokenClaimInterval(500))
                        .registerPooledStreamingEventProcessor("erring", Configuration::eventStore,
                                (c, builder) -> builder.initialSegmentCount(1).tokenClaimInterval(500))
                        .registerEventHandler(c -> new Projector())
                        .registerEventHandler(c -> new ErringProjector()));
        platform.failingEventHandlersAreRetriedNotSkipped().configureModule(configurer);
        Configuration configuration = configurer.buildConfiguration();
        configuration.start();
        return configuration;
    }

    @ProcessingGroup("projection")
    static class Projector {

        static final AtomicBoolean connectionEnded = new AtomicBoolean();

        @EventHandler
        void on(Happened event) {
            JdbcTemplate transactional = new JdbcTemplate(pool);
            CurrentUnitOfWork.get().onPrepareCommit(batch -> {
                if (connectionEnded.compareAndSet(false, true)) {
                    int backend = transactional.queryForObject("select pg_backend_pid()", Integer.class);
                    admin.queryForObject("select pg_terminate_backend(?)", Boolean.class, backend);
                }
                transactional.batchUpdate("insert into public.projected (id) values (?)",
                        List.<Object[]>of(new Object[] {event.id()}));
            });
        }
    }

    @ProcessingGroup("erring")
    static class ErringProjector {

        static final AtomicBoolean thrown = new AtomicBoolean();

        @EventHandler
        void on(Erred event) {
            if (thrown.compareAndSet(false, true)) {
                throw new AssertionError("an Error, as a driver or the JVM may throw");
            }
            new JdbcTemplate(pool).update("insert into public.projected (id) values (?)", event.id());
        }
    }

    record Happened(String id) {
    }

    record Erred(String id) {
    }
}
