package com.calcomalt.command.features;

import com.calcomalt.platform.database.ChannelListener;
import java.time.Duration;
import javax.sql.DataSource;
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

    private final ChannelListener listener;
    private volatile boolean running;

    FeatureFlagsRefresh(DataSource dataSource, FeatureFlags flags) {
        // Changes made while nobody listened (at start, or during an outage) are read on listening.
        this.listener = new ChannelListener(dataSource, FeatureFlags.CHANNEL, "feature-flags-listener",
                Duration.ofSeconds(3), flags::load, flags::load, () -> { });
    }

    @Override
    public synchronized void start() {
        running = true;
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether notifications reach this node now. */
    boolean listening() {
        return listener.listening();
    }
}
