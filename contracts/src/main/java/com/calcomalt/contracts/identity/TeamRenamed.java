package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TeamRenamed(int teamId, String name, Instant renamedAt) {
}
