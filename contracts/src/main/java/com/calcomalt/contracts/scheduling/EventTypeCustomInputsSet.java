package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Replaces every custom input of the event type. */
@Revision("1")
public record EventTypeCustomInputsSet(int eventTypeId, List<CustomInput> customInputs, Instant setAt) {
}
