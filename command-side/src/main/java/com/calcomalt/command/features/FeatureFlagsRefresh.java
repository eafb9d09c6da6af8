package com.calcomalt.command.features;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's {@link FeatureFlags} up with changes committed on any node: listens on
 * {@link FeatureFlags#CHANNEL} with one pooled connection and loads the flags again after each
 * burst of notifications. A node's own changes also count at once (FeatureFlags' afterCommit); this
 * is for the others', which its event handlers never see. While the connection is lost the flags
 * are loaded every few seconds instead, and once more when listening again.
 */
@Component
class FeatureFlagsRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeatureFlagsRefresh.class);
    private static final int WAIT_MS = 1_000;

    private final DataSource dataSource;
    private final FeatureFlags flags;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    FeatureFlagsRefresh(DataSource dataSource, FeatureFlags flags) {
        this.dataSource = dataSource;
        this.flags = flags;
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "feature-flags-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether notifications reach this node now. */
    boolean listening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + FeatureFlags.CHANNEL);
                }
                // Changes made while nobody listened (at start, or during an outage) are read now.
                flags.load();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MS);
                    if (received != null && received.length > 0) {
                        flags.load();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                log.debug("Listening for feature flag changes failed; trying again", e);
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
