package com.calcomalt.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the API document names and types the records of the controllers. */
class ApiSchemaNamesTest {

    static class WebhookController {
        record CreateInput(String subscriberUrl) {
        }
    }

    static class ScheduleCommandController {
        record CreateInput(String name, int days, Map<String, Object> metadata) {
        }
    }

    enum Unit { day, hour }

    record Uses(Unit unit) {
    }

    static class Elsewhere {
        enum Unit { week }

        record Uses(Unit unit) {
        }


        /** Another controller of the same simple name: its CreateInput cannot be told apart by name. */
        static class ScheduleCommandController {
            record CreateInput(boolean other) {
            }
        }
    }

    private final ApiSchemaNames names = new ApiSchemaNames();
    private final ModelConverters converters = new ModelConverters();
    private final Map<String, Schema> schemas = new HashMap<>();

    ApiSchemaNamesTest() {
        converters.addConverter(names);
    }

    private void read(Class<?> type) {
        schemas.putAll(converters.readAll(new AnnotatedType(type)));
    }

    @Test
    void nested_records_are_named_after_their_controller() {
        read(WebhookController.CreateInput.class);
        read(ScheduleCommandController.CreateInput.class);

        assertThat(schemas).containsOnlyKeys("WebhookCreateInput", "ScheduleCreateInput");
        assertThat(names.collisions()).isEmpty();
    }

    @Test
    void two_types_given_one_name_are_reported_as_a_collision() {
        read(ScheduleCommandController.CreateInput.class);
        read(Elsewhere.ScheduleCommandController.CreateInput.class);

        assertThat(names.collisions()).singleElement().asString().startsWith("ScheduleCreateInput: ")
                .contains("ApiSchemaNamesTest$ScheduleCommandController$CreateInput")
                .contains("ApiSchemaNamesTest$Elsewhere$ScheduleCommandController$CreateInput");
    }

    @Test
    void two_enums_of_one_name_are_inline_and_no_collision() {
        read(Uses.class);
        read(Elsewhere.Uses.class);

        assertThat(schemas).containsOnlyKeys("ApiSchemaNamesTestUses", "ElsewhereUses");
        assertThat(unitOf("ApiSchemaNamesTestUses").getEnum()).containsExactly("day", "hour");
        assertThat(unitOf("ElsewhereUses").getEnum()).containsExactly("week");
        assertThat(names.collisions()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Schema<String> unitOf(String schema) {
        return (Schema<String>) schemas.get(schema).getProperties().get("unit");
    }

    @Test
    void primitives_are_required() {
        read(ScheduleCommandController.CreateInput.class);

        Schema<?> input = schemas.get("ScheduleCreateInput");
        assertThat(input.getRequired()).isEqualTo(List.of("days"));
    }
}
