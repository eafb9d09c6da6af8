package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;

/** An event type with its hosts and custom inputs; the API shows the settings flat, as cal.com does. */
public record EventTypeView(int id, Integer userId, Integer teamId, Integer parentId, SchedulingType schedulingType,
                            EventTypeSettings settings, List<Host> hosts, List<CustomInput> customInputs,
                            Instant createdAt, Instant updatedAt) {
}
