package com.calcomalt.command.scheduling;

import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.PeriodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Field-by-field work on an event type's settings, which has some sixty of them: merging a PATCH,
 * filling cal.com's defaults, and overlaying what a managed parent locks onto a child.
 */
public final class EventTypeFields {

    /** cal.com's column defaults for what a new event type does not say. */
    public static final EventTypeSettings DEFAULTS = new EventTypeSettings(null, null, null, null, false, 0, null, null,
            null, PeriodType.unlimited, null, null, null, null, false, false, 120, 0, 0, null, null, false, true,
            null, null, null, null, null, null, 0, "usd", false, false, false, null, true, false, null, false, null,
            0, false, false, false, false, false, false, null, null, null, null, null, false, false, false, false);

    private static final RecordComponent[] COMPONENTS = EventTypeSettings.class.getRecordComponents();

    private EventTypeFields() {
    }

    /** What {@code change} says, and {@code current} for what it leaves null. */
    public static EventTypeSettings merge(EventTypeSettings current, EventTypeSettings change) {
        return change == null ? current : combine(current, change, (name, values) -> values[1] != null ? values[1] : values[0]);
    }

    /** As {@link #merge(EventTypeSettings, EventTypeSettings)}, with the {@code cleared} fields set to null. */
    static EventTypeSettings merge(EventTypeSettings current, EventTypeSettings change, Set<String> cleared) {
        EventTypeSettings merged = merge(current, change);
        return cleared.isEmpty() ? merged
                : combine(merged, merged, (name, values) -> cleared.contains(name) ? null : values[0]);
    }

    /** The child's own values for its unlocked fields, the parent's for every other one. */
    static EventTypeSettings overlay(EventTypeSettings child, EventTypeSettings parent, Set<String> unlocked) {
        return combine(child, parent, (name, values) -> unlocked.contains(name) ? values[0] : values[1]);
    }

    /** The same settings on no schedule of their own, as cal.com's database leaves them when it is deleted. */
    static EventTypeSettings withoutSchedule(EventTypeSettings settings) {
        return combine(settings, settings, (name, values) -> "scheduleId".equals(name) ? null : values[0]);
    }

    /** The names of the fields whose values differ. */
    static Set<String> changed(EventTypeSettings before, EventTypeSettings after) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : COMPONENTS) {
            if (!Objects.equals(value(component, before), value(component, after))) {
                names.add(component.getName());
            }
        }
        return names;
    }

    static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(COMPONENTS).forEach(c -> names.add(c.getName()));
        return names;
    }

    private static EventTypeSettings combine(EventTypeSettings first, EventTypeSettings second,
                                             BiFunction<String, Object[], Object> pick) {
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            values[i] = pick.apply(COMPONENTS[i].getName(),
                    new Object[] {value(COMPONENTS[i], first), value(COMPONENTS[i], second)});
        }
        try {
            return EventTypeSettings.class
                    .getDeclaredConstructor(Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class[]::new))
                    .newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EventTypeSettings cannot be built from its components", e);
        }
    }

    private static Object value(RecordComponent component, EventTypeSettings settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
