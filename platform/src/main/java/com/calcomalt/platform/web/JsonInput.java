package com.calcomalt.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/** Reads part of a request body as a type, answering a bad field as a 400 that names it. */
public final class JsonInput {

    private JsonInput() {
    }

    /** Reads the whole body. */
    public static <T> T read(ObjectMapper mapper, JsonNode node, Class<T> type) {
        return read(mapper, node, type, "");
    }

    /** Reads the body's property {@code part}, so that a bad field is named as the client wrote it. */
    public static <T> T read(ObjectMapper mapper, JsonNode node, Class<T> type, String part) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String field = (part + steps(e)).replaceFirst("^\\.", "");
            throw new InvalidInput(field.isEmpty() ? "body" : field, e instanceof UnrecognizedPropertyException
                    ? "is not a known property" : e instanceof InvalidNullException
                    ? "must not be null" : "has an invalid value");
        } catch (JsonProcessingException e) {
            throw new InvalidInput("body", "is not valid JSON");
        }
    }

    /** The JSON path of a mapping error: {@code hosts[0].userId}. */
    static String path(JsonMappingException e) {
        return steps(e).replaceFirst("^\\.", "");
    }

    private static String steps(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
    }
}
