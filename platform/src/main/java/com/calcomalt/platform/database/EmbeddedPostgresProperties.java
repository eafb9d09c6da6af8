package com.calcomalt.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param mode          {@code persistent}: data kept in {@code dataDirectory} across restarts (local runs);
 *                      {@code throwaway}: one temporary instance per JVM, gone when it exits (tests)
 * @param dataDirectory where a persistent instance keeps its data
 * @param port          the port of a persistent instance, so psql can reach it; a throwaway one takes a free port
 */
@ConfigurationProperties("calalt.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("persistent") Mode mode,
        @DefaultValue(".data/postgres") Path dataDirectory,
        @DefaultValue("15432") int port) {

    public enum Mode { PERSISTENT, THROWAWAY }
}
