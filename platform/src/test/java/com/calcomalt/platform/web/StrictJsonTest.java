package com.calcomalt.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class StrictJsonTest {

    enum Unit { MINUTE, HOUR, DAY }

    record Step(String name, int time, Unit unit, Boolean active) {
    }

    record Workflow(String name, List<Step> steps, Map<String, Object> metadata, List<Map<String, Object>> locations,
                    JsonNode settings) {
    }

    record Attendees(List<Integer> attendees, String[] emails) {
    }

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder()
                .modulesToInstall(new NullElementsRefused());
        new StrictJson().customize(builder);
        return builder.build();
    }

    private RefusedJsonInput refused(String body, Class<?> type) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> json.readValue(body, type));
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RefusedJsonInput r) {
                return r;
            }
        }
        throw new AssertionError("Not refused: " + thrown, thrown);
    }

    @Test
    void a_nul_in_a_string_is_refused_naming_its_field() {
        RefusedJsonInput refused = refused("{\"name\":\"dup\\u0000\"}", Workflow.class);

        assertThat(refused.field()).isEqualTo("name");
        assertThat(refused.reason()).contains("NUL");
    }

    @Test
    void a_nul_at_any_depth_is_refused_whatever_reads_it() {
        assertThat(refused("{\"steps\":[{\"name\":\"ok\"},{\"name\":\"a\\u0000\"}]}", Workflow.class).field())
                .isEqualTo("steps[1].name");
        assertThat(refused("{\"metadata\":{\"notes\":[\"x\",{\"deep\":\"\\u0000\"}]}}", Workflow.class).field())
                .isEqualTo("metadata.notes[1].deep");
        assertThat(refused("{\"settings\":{\"label\":\"\\u0000\"}}", Workflow.class).field())
                .isEqualTo("settings.label");
        assertThat(refused("[\"ok\",\"\\u0000\"]", JsonNode.class).field()).isEqualTo("[1]");
        assertThat(refused("\"\\u0000\"", String.class).field()).isEqualTo("body");
    }

    @Test
    void a_nul_in_a_property_name_is_refused_naming_its_object() {
        assertThat(refused("{\"metadata\":{\"ke\\u0000y\":1}}", Workflow.class).field()).isEqualTo("metadata");
        assertThat(refused("{\"na\\u0000me\":\"x\"}", Workflow.class).field()).isEqualTo("body");
    }

    @Test
    void a_lone_surrogate_is_refused_and_a_pair_is_read() throws Exception {
        assertThat(refused("{\"name\":\"a\\ud800b\"}", Workflow.class).reason()).contains("surrogate");
        assertThat(refused("{\"name\":\"\\udc00\"}", Workflow.class).reason()).contains("surrogate");
        assertThat(refused("{\"name\":\"\\ud83d\"}", Workflow.class).reason()).contains("surrogate");

        assertThat(json.readValue("{\"name\":\"\\ud83d\\ude00 party\"}", Workflow.class).name())
                .isEqualTo("\uD83D\uDE00 party");
    }

    @Test
    void a_property_given_twice_is_refused() {
        RefusedJsonInput refused = refused("{\"steps\":[{\"name\":\"a\",\"name\":\"b\"}]}", Workflow.class);

        assertThat(refused.field()).isEqualTo("steps[0].name");
        assertThat(refused.reason()).isEqualTo("is given more than once");
    }

    @Test
    void the_same_property_in_sibling_objects_is_read() throws Exception {
        Workflow workflow = json.readValue("""
                {"steps":[{"name":"a","time":1},{"name":"b","time":2}],
                 "locations":[{"type":"x"},{"type":"y"}]}""", Workflow.class);

        assertThat(workflow.steps()).extracting(Step::name).containsExactly("a", "b");
        assertThat(workflow.locations()).hasSize(2);
    }

    @Test
    void values_are_not_converted_between_types() {
        assertThatThrownBy(() -> json.readValue("{\"time\":1.5}", Step.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"time\":\"5\"}", Step.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\":5}", Step.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\":true}", Step.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"active\":2}", Step.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"active\":\"true\"}", Step.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"unit\":1}", Step.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"unit\":\"1\"}", Step.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void values_of_their_own_type_are_read() throws Exception {
        Step step = json.readValue("{\"name\":\"n\",\"time\":24,\"unit\":\"HOUR\",\"active\":true}", Step.class);

        assertThat(step).isEqualTo(new Step("n", 24, Unit.HOUR, true));
    }

    @Test
    void a_null_in_a_typed_list_or_array_is_refused_naming_its_place() {
        assertThatThrownBy(() -> json.readValue("{\"attendees\":[1,null]}", Attendees.class))
                .isInstanceOfSatisfying(InvalidNullException.class,
                        e -> assertThat(JsonInput.path(e)).isEqualTo("attendees[1]"));
        assertThatThrownBy(() -> json.readValue("{\"emails\":[null]}", Attendees.class))
                .isInstanceOfSatisfying(InvalidNullException.class,
                        e -> assertThat(JsonInput.path(e)).isEqualTo("emails[0]"));
        assertThatThrownBy(() -> json.readValue("{\"steps\":[null]}", Workflow.class))
                .isInstanceOfSatisfying(JsonMappingException.class,
                        e -> assertThat(JsonInput.path(e)).isEqualTo("steps[0]"));
    }

    @Test
    void free_form_values_keep_their_nulls() throws Exception {
        Workflow workflow = json.readValue("""
                {"metadata":{"a":null,"list":[null,1]},"locations":[{"type":"x","link":null}],
                 "settings":{"b":null}}""", Workflow.class);

        assertThat(workflow.metadata()).containsEntry("a", null);
        assertThat(workflow.metadata().get("list")).isEqualTo(java.util.Arrays.asList(null, 1));
        assertThat(workflow.locations().get(0)).containsEntry("link", null);
        assertThat(workflow.settings().get("b").isNull()).isTrue();
    }

    @Test
    void a_mapper_copy_is_as_strict() {
        ObjectMapper copy = json.copy();

        assertThatThrownBy(() -> copy.readTree("{\"a\":\"\\u0000\"}")).isInstanceOf(RefusedJsonInput.class);
    }
}
