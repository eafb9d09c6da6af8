package com.calcomalt.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of {@link ApiDocumentRules} catch what they are there for, on small documents made here. */
class ApiDocumentRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String document(String requestSchema, String schemas) {
        return """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/v2/things": {"post": {
                   "requestBody": {"content": {"application/json": {"schema": %s}}},
                   "responses": {"200": {"description": "ok",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
                 "components": {"schemas": %s}}""".formatted(requestSchema, schemas);
    }

    private static final String THING = """
            "Thing": {"type": "object", "required": ["id"], "properties": {
              "id": {"type": "integer", "format": "int32"},
              "status": {"type": "string", "enum": ["ACCEPTED", "CANCELLED"]},
              "metadata": {"type": "object", "additionalProperties": {"description": "Any JSON value"}},
              "tags": {"type": "array", "items": {"type": "string"}}}}""";

    private static Map<String, List<String>> untyped(String document) throws Exception {
        return new ApiDocumentRules(JSON.readTree(document)).untypedBodies();
    }

    @Test
    void a_body_typed_down_to_its_enums_and_maps_of_any_value_passes() throws Exception {
        String doc = document("{\"$ref\": \"#/components/schemas/Thing\"}", "{" + THING + "}");

        assertThat(untyped(doc)).isEmpty();
        assertThat(ApiDocumentRules.validationMessages(doc)).isEmpty();
    }

    @Test
    void an_object_body_without_properties_is_untyped() throws Exception {
        assertThat(untyped(document("{\"type\": \"object\"}", "{" + THING + "}")))
                .containsOnlyKeys("POST /v2/things");
    }

    @Test
    void a_raw_map_as_the_body_is_untyped() throws Exception {
        assertThat(untyped(document("{\"type\": \"object\", \"additionalProperties\": {}}", "{" + THING + "}")))
                .containsOnlyKeys("POST /v2/things");
    }

    @Test
    void a_nested_object_without_properties_is_untyped_where_it_is() throws Exception {
        String schemas = "{" + THING + ", \"Input\": {\"type\": \"object\", \"properties\": {"
                + "\"location\": {\"type\": \"object\"}, \"anything\": {}}}}";

        List<String> found = untyped(document("{\"$ref\": \"#/components/schemas/Input\"}", schemas))
                .get("POST /v2/things");

        assertThat(found).hasSize(2);
        assertThat(found.get(0)).contains("Input.location");
        assertThat(found.get(1)).contains("Input.anything");
    }

    @Test
    void a_reference_to_no_schema_is_reported_by_both() throws Exception {
        String doc = document("{\"$ref\": \"#/components/schemas/Missing\"}", "{" + THING + "}");

        assertThat(untyped(doc).get("POST /v2/things")).singleElement().asString().contains("a reference to nothing");
        assertThat(ApiDocumentRules.validationMessages(doc)).isNotEmpty();
    }

    @Test
    void a_document_that_breaks_the_openapi_rules_does_not_validate() throws Exception {
        JsonNode broken = JSON.readTree(document("{\"$ref\": \"#/components/schemas/Thing\"}", "{" + THING + "}"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("info");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/paths/~1v2~1things/post")).remove("responses");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/paths/~1v2~1things/post")).put("operationId", 7);

        assertThat(ApiDocumentRules.validationMessages(broken.toString())).isNotEmpty();
    }
}
