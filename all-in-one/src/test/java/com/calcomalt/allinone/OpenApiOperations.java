package com.calcomalt.allinone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * The operations of the OpenAPI document the running application serves, and for each of them a
 * body that its schema accepts: required and optional properties alike, so that every field can
 * then be spoiled one at a time.
 */
final class OpenApiOperations {

    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema) {

        String key() {
            return method + " " + path;
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;
    private final IntSupplier unique;

    /** {@code unique}: a number not handed out before, for values the application wants unique (emails, slugs). */
    OpenApiOperations(JsonNode document, IntSupplier unique) {
        this.document = document;
        this.unique = unique;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<Parameter> parameters = new ArrayList<>();
            for (JsonNode p : op.getValue().path("parameters")) {
                parameters.add(new Parameter(p.get("name").asText(), p.get("in").asText(), resolve(p.path("schema")),
                        p.path("required").asBoolean()));
            }
            JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
            operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), parameters,
                    body.isMissingNode() ? null : resolve(body)));
        }));
        return operations;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        while (at.has("$ref")) {
            String name = at.get("$ref").asText().substring("#/components/schemas/".length());
            at = document.get("components").get("schemas").get(name);
        }
        return at;
    }

    /** A value the schema accepts. */
    JsonNode valueOf(JsonNode schema, String name) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText("");
        return switch (type) {
            case "object" -> objectOf(s);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(valueOf(s.path("items"), name));
                yield array;
            }
            case "integer", "number" -> NODES.numberNode(number(s));
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.textNode(text(s, name));
            // Schemaless (a location, a map value): a plain word is accepted where anything is.
            default -> NODES.textNode("Office");
        };
    }

    private ObjectNode objectOf(JsonNode schema) {
        ObjectNode object = NODES.objectNode();
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            object.set(property.getKey(), valueOf(property.getValue(), property.getKey()));
        }
        if (properties.isMissingNode() && schema.has("additionalProperties")) {
            object.put("note", "fuzz");
        }
        return object;
    }

    private static long number(JsonNode schema) {
        long value = schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1;
        return schema.has("maximum") ? Math.min(value, schema.get("maximum").asLong()) : value;
    }

    private String text(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "date-time":
                return "2083-06-01T10:00:00Z";
            case "email":
                return "fuzz-" + unique.getAsInt() + "@example.com";
            case "uuid":
                return "00000000-0000-4000-8000-000000000000";
            default:
                break;
        }
        if (name.toLowerCase().contains("timezone")) {
            return "Europe/Berlin";
        }
        if (name.toLowerCase().contains("url")) {
            return "https://example.com/fuzz";
        }
        String candidate = "fuzz-" + unique.getAsInt();
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            for (String c : List.of(candidate, "Monday", "en", "x", "fuzz")) {
                if (pattern.matcher(c).matches()) {
                    return c;
                }
            }
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return candidate.length() <= max ? candidate : candidate.substring(0, Math.max(1, max));
    }
}
