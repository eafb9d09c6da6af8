package com.calcomalt.platform.web;

/** A request field that cannot be read as what it should be: answered with 400, naming the field. */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
