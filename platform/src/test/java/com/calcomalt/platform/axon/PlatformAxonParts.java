package com.calcomalt.platform.axon;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;

/** The platform's Axon beans as its auto-configuration makes them, for tests of other packages that build Axon by hand. */
public final class PlatformAxonParts {

    private static final AxonOnPostgresAutoConfiguration PLATFORM = new AxonOnPostgresAutoConfiguration();

    private PlatformAxonParts() {
    }

    public static Serializer serializer() {
        return PLATFORM.serializer();
    }

    public static PersistenceExceptionResolver persistenceExceptionResolver() {
        return PLATFORM.persistenceExceptionResolver();
    }

    public static EventSchema eventSchema() {
        return PLATFORM.eventSchema();
    }

    public static TokenSchema tokenSchema() {
        return PLATFORM.tokenSchema();
    }

    public static ConnectionProvider connectionProvider(DataSource dataSource) {
        return PLATFORM.connectionProvider(dataSource);
    }
}
