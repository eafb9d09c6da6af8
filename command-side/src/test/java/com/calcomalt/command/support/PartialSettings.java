package com.calcomalt.command.support;

import com.calcomalt.contracts.scheduling.EventTypeSettings;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Event type settings as a command sends them: only the named fields set, every other one null. */
public final class PartialSettings {

    private PartialSettings() {
    }

    /** {@code eventType("title", "30 min", "length", 30)}; a name EventTypeSettings does not have is an error. */
    public static EventTypeSettings eventType(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        RecordComponent[] components = EventTypeSettings.class.getRecordComponents();
        Set<String> unknown = new HashSet<>(fields.keySet());
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = fields.get(components[i].getName());
            unknown.remove(components[i].getName());
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("EventTypeSettings has no fields " + unknown);
        }
        try {
            return EventTypeSettings.class
                    .getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                            .toArray(Class[]::new))
                    .newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
