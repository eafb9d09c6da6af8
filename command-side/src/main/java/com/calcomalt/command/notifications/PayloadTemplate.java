package com.calcomalt.command.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook's payloadTemplate, as cal.com applies it: each {@code {{path}}} is replaced by the value
 * at that dotted path of the payload ({@code {{triggerEvent}}}, {@code {{createdAt}}}, then the
 * booking's fields such as {@code {{title}}}, {@code {{organizer.name}}} or
 * {@code {{attendees.0.email}}}). A text value is written JSON-escaped without quotes, so
 * {@code "{{title}}"} in a JSON template stays valid JSON whatever the title holds; any other value
 * (a number, an object, a list) is written as JSON. A path that leads nowhere becomes empty.
 * Small on purpose: Mustache would HTML-escape, and nothing here needs sections or loops.
 */
final class PayloadTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.$-]+)\\s*}}");

    private PayloadTemplate() {
    }

    /** @param data the payload's top level with {@code triggerEvent} and {@code createdAt} beside the booking's fields */
    static String apply(String template, ObjectNode data, ObjectMapper json) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(render(lookup(data, matcher.group(1)), json)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A rendered template is sent as JSON only when it is JSON. */
    static boolean isJson(String body, ObjectMapper json) {
        try {
            json.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode lookup(JsonNode data, String path) {
        JsonNode node = data;
        for (String step : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.isArray() && step.chars().allMatch(Character::isDigit) ? node.get(Integer.parseInt(step))
                    : node.get(step);
        }
        return node;
    }

    private static String render(JsonNode value, ObjectMapper json) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        try {
            if (value.isTextual()) {
                String quoted = json.writeValueAsString(value.textValue());
                return quoted.substring(1, quoted.length() - 1);
            }
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON value cannot be written", e);
        }
    }
}
