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
 * PostgreSQL ends the connection of a pooled processor's batch just before the batch writes its rows
 * in one JDBC batch when it commits, as BatchedRows does for calcom-projections. The processor must
 * give the segment up and project the event again once a connection works, as it does for any other
 * failure. Before, pgjdbc's AssertionError left Axon's work package unfinished for good: the event
 * was never projected, and after the next failure the processor's coordinator waited forever for the
 * package to abort (DatabaseOutageTest, health never UP again).
 */
class ConnectionLostInProjectionBatchTest {

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

    @Test
    void a_batch_whose_connection_postgresql_ended_is_projected_again() throws Exception {
        axon = node(new AxonOnPostgresAutoConfiguration().connectionProvider(pool));
        String id = "event-" + System.nanoTime();

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Happened(id)));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (admin.queryForObject("select count(*) from public.projected where id = ?", Integer.class, id) == 0) {
            assertThat(Instant.now()).as("the event projected after its first batch lost its connection")
                    .isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(Projector.connectionEnded).as("the first batch lost its connection").isTrue();
    }

    private Configuration node(ConnectionProvider connections) {
        AxonOnPostgresAutoConfiguration platform = new AxonOnPostgresAutoConfiguration();
        Serializer serializer = platform.serializer();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(pool);
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
                .eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessor("projection", Configuration::eventStore,
                                (c, builder) -> builder.initialSegmentCount(1).tokenClaimInterval(500))
                        .registerEventHandler(c -> new Projector()))
                .buildConfiguration();
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

    record Happened(String id) {
    }
}
