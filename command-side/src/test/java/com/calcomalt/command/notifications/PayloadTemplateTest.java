package com.calcomalt.command.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {

    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode data() throws Exception {
        return (ObjectNode) json.readTree("""
                {"triggerEvent": "BOOKING_CREATED", "title": "Say \\"hi\\"\\n\\\\ now", "length": 30,
                 "organizer": {"name": "Ann", "email": "ann@example.com"},
                 "attendees": [{"name": "Bob"}], "metadata": {"a": 1}}""");
    }

    @Test
    void placeholders_take_the_values_at_their_paths() throws Exception {
        String body = PayloadTemplate.apply(
                "{\"event\": \"{{triggerEvent}}\", \"who\": \"{{ organizer.name }}\", \"first\": \"{{attendees.0.name}}\"}",
                data(), json);
        assertThat(json.readTree(body)).isEqualTo(json.readTree(
                "{\"event\": \"BOOKING_CREATED\", \"who\": \"Ann\", \"first\": \"Bob\"}"));
    }

    @Test
    void text_is_json_escaped_so_the_template_stays_json() throws Exception {
        String body = PayloadTemplate.apply("{\"title\": \"{{title}}\"}", data(), json);
        assertThat(json.readTree(body).get("title").asText()).isEqualTo("Say \"hi\"\n\\ now");
        assertThat(PayloadTemplate.isJson(body, json)).isTrue();
    }

    @Test
    void numbers_and_objects_are_written_as_json() throws Exception {
        String body = PayloadTemplate.apply("{\"length\": {{length}}, \"meta\": {{metadata}}}", data(), json);
        assertThat(json.readTree(body)).isEqualTo(json.readTree("{\"length\": 30, \"meta\": {\"a\": 1}}"));
    }

    @Test
    void unknown_paths_become_empty_and_other_text_stays() throws Exception {
        assertThat(PayloadTemplate.apply("Booked: {{title2}}{{organizer.phone}} by {{organizer.email}}", data(), json))
                .isEqualTo("Booked:  by ann@example.com");
        assertThat(PayloadTemplate.isJson("Booked: by ann", json)).isFalse();
    }

    @Test
    void a_value_with_dollar_signs_or_backslashes_is_inserted_literally() throws Exception {
        ObjectNode data = json.createObjectNode().put("title", "$1 \\$2");
        assertThat(PayloadTemplate.apply("t={{title}}", data, json)).isEqualTo("t=$1 \\\\$2");
    }
}
