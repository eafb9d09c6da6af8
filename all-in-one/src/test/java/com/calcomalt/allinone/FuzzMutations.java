package com.calcomalt.allinone;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ways a fuzzed request is spoiled: one field of the body, one path segment, one query
 * parameter, or the request as a whole, each time in one way named by its kind.
 */
final class FuzzMutations {

    /** A request before it is sent; a mutation changes one thing in a copy of it. */
    static final class Draft {
        final String method;
        final String pathTemplate;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final Map<String, List<String>> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode body;
        /** The body exactly as sent, when a mutation wrote it by hand. */
        byte[] rawBody;
        String contentType;

        Draft(String method, String pathTemplate) {
            this.method = method;
            this.pathTemplate = pathTemplate;
        }

        Draft copy() {
            Draft copy = new Draft(method, pathTemplate);
            copy.pathValues.putAll(pathValues);
            query.forEach((name, values) -> copy.query.put(name, new ArrayList<>(values)));
            copy.headers.putAll(headers);
            copy.body = body == null ? null : body.deepCopy();
            copy.rawBody = rawBody;
            copy.contentType = contentType;
            return copy;
        }

        /** The path and query, as they go on the wire: values are already percent-encoded. */
        String target() {
            String path = pathTemplate;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            StringBuilder query = new StringBuilder();
            this.query.forEach((name, values) -> values.forEach(v ->
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(v)));
            return path + query;
        }

        byte[] bodyBytes(ObjectMapper json) {
            if (rawBody != null) {
                return rawBody;
            }
            try {
                return body == null ? null : json.writeValueAsBytes(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One way to spoil a request: {@code target} names what is spoiled, {@code kind} how. */
    record Mutation(String target, String kind, Consumer<Draft> apply) {

        Draft applyTo(Draft valid) {
            Draft draft = valid.copy();
            apply.accept(draft);
            return draft;
        }

        @Override
        public String toString() {
            return target + " <- " + kind;
        }
    }

    private static final String PLACEHOLDER = "@@fuzz-placeholder@@";
    static final String HUGE = "x".repeat(100_000);
    private static final String LONG_DIGITS = "9".repeat(400);

    private final ObjectMapper json;

    FuzzMutations(ObjectMapper json) {
        this.json = json;
    }

    /** Every mutation of one request: each body field, path segment and query parameter, and the whole. */
    List<Mutation> of(Draft valid, Map<String, JsonNode> absentProperties) {
        List<Mutation> mutations = new ArrayList<>();
        if (valid.body != null) {
            bodyFields(valid.body, "", mutations);
            absentProperties.forEach((name, example) -> valueMutations("/" + name, example, true, mutations));
        }
        valid.pathValues.keySet().forEach(name -> pathMutations(name, mutations));
        valid.query.keySet().forEach(name -> queryMutations(name, mutations));
        requestMutations(valid.body != null, mutations);
        return mutations;
    }

    private void bodyFields(JsonNode node, String pointer, List<Mutation> mutations) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = pointer + "/" + field.getKey();
                valueMutations(at, field.getValue(), true, mutations);
                bodyFields(field.getValue(), at, mutations);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String at = pointer + "/0";
            valueMutations(at, node.get(0), false, mutations);
            bodyFields(node.get(0), at, mutations);
        }
    }

    private void valueMutations(String pointer, JsonNode valid, boolean objectMember, List<Mutation> mutations) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (valid.isTextual() || valid.isNull()) {
            raw.put("NUL character", "\"a\\u0000b\"");
            raw.put("huge string (100k chars)", "\"" + HUGE + "\"");
            raw.put("lone surrogate", "\"a\\ud800b\"");
            raw.put("unicode", "\"\u00fcml\u00e4ut \u2713 \ud83c\udf34 \u202e\"");
            // Within a 72-character limit, yet 144 bytes: more than bcrypt takes.
            raw.put("72 two-byte characters", "\"" + "\u00fc".repeat(72) + "\"");
            raw.put("empty string", "\"\"");
            raw.put("number for string", "42");
            raw.put("object for string", "{\"a\": 1}");
            raw.put("array for string", "[\"a\"]");
            raw.put("boolean for string", "true");
        } else if (valid.isIntegralNumber()) {
            raw.put("letters for integer", "\"abc\"");
            raw.put("numeric string for integer", "\"12\"");
            raw.put("Long.MAX", String.valueOf(Long.MAX_VALUE));
            raw.put("-1", "-1");
            raw.put("0", "0");
            raw.put("1e308", "1e308");
            raw.put("1.5 for integer", "1.5");
            raw.put("int overflow 2^31", "2147483648");
            raw.put("400 digits", LONG_DIGITS);
            raw.put("boolean for integer", "true");
            raw.put("array for integer", "[1]");
            raw.put("object for integer", "{}");
        } else if (valid.isNumber()) {
            raw.put("1e308", "1e308");
            raw.put("-1", "-1");
            raw.put("letters for number", "\"abc\"");
            raw.put("400 digits", LONG_DIGITS);
        } else if (valid.isBoolean()) {
            raw.put("boolean as 2", "2");
            raw.put("boolean as 0", "0");
            raw.put("string for boolean", "\"true\"");
            raw.put("word for boolean", "\"yes\"");
            raw.put("object for boolean", "{}");
            raw.put("array for boolean", "[true]");
        } else if (valid.isArray()) {
            raw.put("null in array", "[null]");
            raw.put("nested array", "[[]]");
            raw.put("object for array", "{\"a\": 1}");
            raw.put("string for array", "\"x\"");
            raw.put("number for array", "1");
        } else if (valid.isObject()) {
            raw.put("array for object", "[]");
            raw.put("string for object", "\"x\"");
            raw.put("number for object", "1");
            raw.put("NUL in a key", "{\"a\\u0000b\": 1}");
        }
        raw.put("null", "null");
        String validRaw = write(valid);
        if (objectMember) {
            String name = pointer.substring(pointer.lastIndexOf('/') + 1);
            raw.put("duplicate key", validRaw + ", \"" + name + "\": " + validRaw);
        }
        raw.forEach((kind, value) -> mutations.add(new Mutation("body " + pointer, kind,
                draft -> draft.rawBody = substitute(draft.body, pointer, value).getBytes(StandardCharsets.UTF_8))));
    }

    /** The body with the value at {@code pointer} (set if absent) written exactly as {@code raw}. */
    private String substitute(JsonNode body, String pointer, String raw) {
        JsonNode copy = body.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, TextNode.valueOf(PLACEHOLDER));
        } else if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), TextNode.valueOf(PLACEHOLDER));
        }
        return write(copy).replace("\"" + PLACEHOLDER + "\"", raw);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, String> PATH_SEGMENTS = segments(
            "NUL (%00)", "a%00b",
            "encoded ../ (%2e%2e%2f)", "%2e%2e%2f",
            "raw ..", "..",
            "raw .", ".",
            "encoded slash (%2F)", "a%2Fb",
            "encoded percent (%25)", "%25",
            "space (%20)", "a%20b",
            "matrix parameter (;x=1)", "1;x=1",
            "long segment (3000 chars)", "a".repeat(3000),
            "unicode", "%C3%BC%F0%9F%8C%B4",
            "invalid UTF-8 (%C3%28)", "%C3%28",
            "letters", "abc",
            "Long.MAX", String.valueOf(Long.MAX_VALUE),
            "-1", "-1",
            "0", "0",
            "1.5", "1.5",
            "1e308", "1e308");

    private static final Map<String, String> QUERY_VALUES = segments(
            "NUL (%00)", "a%00b",
            "long value (3000 chars)", "a".repeat(3000),
            "unicode", "%C3%BC%F0%9F%8C%B4",
            "invalid UTF-8 (%C3%28)", "%C3%28",
            "letters", "abc",
            "Long.MAX", String.valueOf(Long.MAX_VALUE),
            "-1", "-1",
            "1.5", "1.5",
            "1e308", "1e308",
            "empty", "");

    private static Map<String, String> segments(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void pathMutations(String name, List<Mutation> mutations) {
        PATH_SEGMENTS.forEach((kind, value) -> mutations.add(new Mutation("path {" + name + "}", kind,
                draft -> draft.pathValues.put(name, value))));
    }

    private static void queryMutations(String name, List<Mutation> mutations) {
        QUERY_VALUES.forEach((kind, value) -> mutations.add(new Mutation("query " + name, kind,
                draft -> draft.query.put(name, List.of(value)))));
        mutations.add(new Mutation("query " + name, "repeated parameter",
                draft -> draft.query.get(name).add(draft.query.get(name).get(0))));
    }

    private static void requestMutations(boolean hasBody, List<Mutation> mutations) {
        mutations.add(new Mutation("request", "huge header (20k chars)",
                draft -> draft.headers.put("X-Fuzz", "x".repeat(20_000))));
        if (!hasBody) {
            return;
        }
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"a\": ".getBytes(StandardCharsets.UTF_8));
        bodies.put("array for body", "[]".getBytes(StandardCharsets.UTF_8));
        bodies.put("string for body", "\"x\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("empty body", new byte[0]);
        bodies.put("deep nesting (5000 levels)",
                ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8 bytes", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.forEach((kind, bytes) -> mutations.add(new Mutation("request", kind, draft -> draft.rawBody = bytes)));
        mutations.add(new Mutation("request", "text/plain content type", draft -> draft.contentType = "text/plain"));
    }
}
