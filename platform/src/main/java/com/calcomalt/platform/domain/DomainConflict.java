package com.calcomalt.platform.domain;

/** A command collides with what already exists, such as a taken email: answered with 409. */
public class DomainConflict extends RuntimeException {

    public DomainConflict(String message) {
        super(message);
    }
}
