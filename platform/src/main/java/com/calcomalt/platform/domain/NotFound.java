package com.calcomalt.platform.domain;

/** What a command addresses does not exist (any more): answered with 404. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
