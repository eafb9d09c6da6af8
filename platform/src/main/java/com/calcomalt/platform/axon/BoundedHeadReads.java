package com.calcomalt.platform.axon;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The event store on PostgreSQL, whose reads for Axon's embedded store end after a bounded number of
 * events. That store's producer reads new events into a chain shared by the streams that follow the
 * head, and keeps the node it started from for as long as one read lasts (it compares it with the
 * newest afterwards), so nothing read in that time can be collected. A read runs until it finds no
 * more events: while a burst is stored (a million events written by SQL, an import) it ran through
 * 248,001 events, over 300 MB, and a 512 MB JVM ran out of heap. Ending each read after
 * {@code eventsPerRead} events lets the producer start the next one at once from a newer node.
 * Only those reads may block ({@code mayBlock}); processors' own catch-up reads are left whole.
 */
public class BoundedHeadReads extends JdbcEventStorageEngine {

    private final int eventsPerRead;

    public BoundedHeadReads(JdbcEventStorageEngine.Builder builder, int eventsPerRead) {
        super(builder);
        this.eventsPerRead = eventsPerRead;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(eventsPerRead) : events;
    }
}
