package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Replaces every host of the event type. */
@Revision("1")
public record EventTypeHostsSet(int eventTypeId, Integer teamId, List<Host> hosts, Instant setAt) {
}
