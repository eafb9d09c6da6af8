package com.calcomalt.platform.deadletters;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event handler that writes its rows only through {@link BatchedRows} and reads only what it
 * wrote there or what they load: its rows may wait for the end of the processor's batch, and be
 * written in one JDBC batch per table with the other events' rows. Any handler not marked so first
 * has the rows waiting written out, so it sees them and its rows follow the rows they point at.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Batched {
}
