package com.calcomalt.apiclient;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes the API document a contract a client can be generated from, checked on its JSON:
 * it validates against the OpenAPI rules (swagger-parser), and every request and response body
 * is a named schema typed all the way down. Free-form JSON is allowed in one place only: as the
 * values of a map (cal.com's own metadata and booking-field responses are such maps).
 */
final class ApiDocumentRules {

    private static final String SCHEMAS = "#/components/schemas/";

    private final JsonNode document;

    ApiDocumentRules(JsonNode document) {
        this.document = document;
    }

    /** The validator's messages: missing or misplaced fields, wrong types, references that resolve to nothing. */
    static List<String> validationMessages(String documentJson) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(documentJson, null, options);
        List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            messages.add("not an OpenAPI document");
        }
        return messages;
    }

    /** For each operation ("POST /v2/event-types"), what in its bodies is untyped, with where. */
    Map<String, List<String>> untypedBodies() {
        Map<String, List<String>> untyped = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!List.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(op.getKey())) {
                return;
            }
            String key = op.getKey().toUpperCase() + " " + path.getKey();
            List<String> found = new ArrayList<>();
            bodies(op.getValue().path("requestBody"), "request", found);
            op.getValue().path("responses").fields().forEachRemaining(response ->
                    bodies(response.getValue(), "response " + response.getKey(), found));
            if (!found.isEmpty()) {
                untyped.put(key, found);
            }
        }));
        return untyped;
    }

    private void bodies(JsonNode body, String where, List<String> found) {
        body.path("content").fields().forEachRemaining(media -> {
            if (!media.getKey().contains("json") && !media.getKey().equals("*/*")) {
                return;
            }
            JsonNode schema = media.getValue().path("schema");
            String at = where + " " + media.getKey();
            if (!schema.has("$ref")) {
                found.add(at + ": the body is not a named schema but " + schema);
                return;
            }
            walk(schema, at + " ", found, new HashSet<>(), false);
        });
    }

    private void walk(JsonNode schema, String at, List<String> found, Set<String> seen, boolean mapValue) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = ref.startsWith(SCHEMAS)
                    ? document.path("components").path("schemas").path(ref.substring(SCHEMAS.length())) : null;
            if (target == null || target.isMissingNode()) {
                found.add(at + ref + ": a reference to nothing");
            } else if (seen.add(ref)) {
                walk(target, ref.substring(SCHEMAS.length()), found, seen, mapValue);
            }
            return;
        }
        boolean composed = false;
        for (String keyword : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : schema.path(keyword)) {
                composed = true;
                walk(part, at + "." + keyword, found, seen, false);
            }
        }
        boolean typed = schema.has("type") || schema.has("types") || schema.has("enum") || schema.has("const");
        if (!typed && !composed) {
            if (!mapValue) {
                found.add(at + ": no type at all");
            }
            return;
        }
        if (isType(schema, "object") && !composed) {
            JsonNode additional = schema.path("additionalProperties");
            boolean properties = schema.path("properties").size() > 0;
            boolean map = additional.isObject();
            if (!properties && !map) {
                found.add(at + ": an object without properties");
            }
            schema.path("properties").fields().forEachRemaining(property ->
                    walk(property.getValue(), at + "." + property.getKey(), found, seen, false));
            if (map) {
                walk(additional, at + "{}", found, seen, true);
            }
        }
        if (isType(schema, "array")) {
            if (!schema.has("items")) {
                found.add(at + ": an array of no stated items");
            } else {
                walk(schema.get("items"), at + "[]", found, seen, false);
            }
        }
    }

    private static boolean isType(JsonNode schema, String type) {
        JsonNode declared = schema.has("type") ? schema.get("type") : schema.path("types");
        if (declared.isArray()) {
            for (JsonNode t : declared) {
                if (t.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return declared.asText().equals(type);
    }
}
