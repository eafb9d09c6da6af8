package com.calcomalt.platform.operations;

import io.micrometer.core.instrument.Tags;

/**
 * One number an operator watches, read with {@code sql} (a single {@code count(*)} that an index or a
 * small table keeps cheap) in the background, and shown as the gauge {@code meter} and as the health
 * detail {@code operations.<group>.<key>}. A context declares it as a bean when its process owns the
 * rows; a table that is missing leaves the number out instead of failing anything.
 */
public record OperationsCount(String group, String key, String meter, Tags tags, String description, String sql) {

    public static OperationsCount of(String group, String key, String meter, String description, String sql) {
        return new OperationsCount(group, key, meter, Tags.empty(), description, sql);
    }

    public OperationsCount tagged(String tag, String value) {
        return new OperationsCount(group, key, meter, tags.and(tag, value), description, sql);
    }
}
