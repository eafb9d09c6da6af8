package com.calcomalt.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version of cal.com's API v2 whose shapes an endpoint follows, as cal.com names it in the
 * {@code cal-api-version} header. A request may send that header: the version we follow is served,
 * another one is refused with 400 rather than answered in a shape the client does not expect.
 * On a method it overrides the one on its controller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CalApiVersion {

    String HEADER = "cal-api-version";
    String BOOKINGS = "2024-08-13";
    String SLOTS = "2024-09-04";
    String SCHEDULES = "2024-06-11";
    String EVENT_TYPES = "2024-06-14";

    String value();
}
