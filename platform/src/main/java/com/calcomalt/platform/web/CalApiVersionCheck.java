package com.calcomalt.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a {@code cal-api-version} we do not serve on an endpoint that follows one (see
 * {@link CalApiVersion}). cal.com falls back to an older shape when the header is missing or
 * unknown; we have only the one shape, so a missing header gets it and an unknown one a 400.
 */
public class CalApiVersionCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String asked = request.getHeader(CalApiVersion.HEADER);
        // Most requests send no version: they need no search of the handler's annotations (1% of a GET /v2/me).
        if (asked == null || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        String served = served(method);
        if (served == null || asked.strip().equals(served)) {
            return true;
        }
        throw new InvalidInput(CalApiVersion.HEADER, "is " + served + " on this endpoint (the version of cal.com's"
                + " API v2 whose shapes it follows), or left out");
    }

    static String served(HandlerMethod method) {
        CalApiVersion version = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), CalApiVersion.class);
        if (version == null) {
            version = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), CalApiVersion.class);
        }
        return version == null ? null : version.value();
    }
}
