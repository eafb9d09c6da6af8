package com.calcomalt.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * A body the strict parser refused while reading it (see {@link StrictJsonFactory}), with the
 * field it was reading when it did, as the client wrote it: {@code steps[0].reminderBody}.
 */
public class RefusedJsonInput extends JsonParseException {

    private final String field;
    private final String reason;

    RefusedJsonInput(JsonParser parser, String field, String reason) {
        super(parser, field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
