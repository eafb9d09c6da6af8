package com.calcomalt.platform.scheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the scheduler last, once Axon and the web server run (a task may send commands), and stops
 * it first: running executions finish (up to {@code db-scheduler.shutdown-max-wait}) while Axon and
 * the database are still there. An execution cut short stays claimed and is picked up again after
 * its heartbeat goes stale.
 */
public class DurableSchedulerLifecycle implements SmartLifecycle {

    /** Above Axon's phases (at most about 2^30) and the web server's (just below Integer.MAX_VALUE - 1024). */
    static final int PHASE = Integer.MAX_VALUE - 100;

    private final Scheduler scheduler;
    private volatile boolean running;

    DurableSchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            scheduler.start();
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            running = false;
            scheduler.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
