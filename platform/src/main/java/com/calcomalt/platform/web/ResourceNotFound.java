package com.calcomalt.platform.web;

/** The addressed resource does not exist (or may not be seen): answered with 404. */
public class ResourceNotFound extends RuntimeException {

    public ResourceNotFound(String message) {
        super(message);
    }
}
