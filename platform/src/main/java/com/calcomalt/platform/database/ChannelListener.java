package com.calcomalt.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one PostgreSQL {@code NOTIFY} channel with one pooled connection, held while listening
 * and taken again after an outage. What a node keeps from the database (feature flags, api-key
 * owners, other processes' projection positions) is thereby told of changes committed on any node.
 * While the connection is lost nothing is heard, so {@link #listening()} is false and the owner
 * falls back to reading; {@code onListening} runs on every (re)connection, since changes made while
 * nobody listened are not notified later.
 */
public final class ChannelListener {

    private static final Logger log = LoggerFactory.getLogger(ChannelListener.class);
    private static final int WAIT_MS = 1_000;

    private final DataSource dataSource;
    private final String channel;
    private final String threadName;
    private final Duration retryAfter;
    private final Runnable onListening;
    private final Runnable onNotified;
    private final Runnable onLost;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    /**
     * @param onListening run once the channel is listened to, before any notification is awaited
     * @param onNotified  run once per burst of notifications received together
     * @param onLost      run when the connection is lost, and when listening stops
     */
    public ChannelListener(DataSource dataSource, String channel, String threadName, Duration retryAfter,
                           Runnable onListening, Runnable onNotified, Runnable onLost) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.threadName = threadName;
        this.retryAfter = retryAfter;
        this.onListening = onListening;
        this.onNotified = onNotified;
        this.onLost = onLost;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    /** Whether notifications reach this node now. */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + channel);
                }
                onListening.run();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MS);
                    if (received != null && received.length > 0) {
                        onNotified.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                onLost.run();
                if (!running) {
                    return;
                }
                log.debug("Listening on {} failed; trying again in {}", channel, retryAfter, e);
                try {
                    Thread.sleep(retryAfter.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                listening = false;
            }
        }
        onLost.run();
    }
}
