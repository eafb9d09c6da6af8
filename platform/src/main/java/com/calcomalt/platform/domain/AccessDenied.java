package com.calcomalt.platform.domain;

/** The caller is known but may not do this: answered with 403 and nothing is written. */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
