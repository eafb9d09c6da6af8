package com.calcomalt.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

/** What {@link ApiDocument} adds to every document springdoc makes. */
class ApiDocumentTest {

    private final OpenAPI document = new OpenAPI()
            .paths(new Paths()
                    .addPathItem("/v2/things", new PathItem()
                            .get(new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse())))
                            .post(new Operation().responses(new ApiResponses()
                                    .addApiResponse("400", new ApiResponse().description("its own"))))))
            .components(new Components().addSchemas("Thing", new Schema<>()
                    .addProperty("name", new StringSchema())
                    .addProperty("metadata", new MapSchema().additionalProperties(new ObjectSchema()))
                    .addProperty("nested", new MapSchema().additionalProperties(new MapSchema()
                            .additionalProperties(new ObjectSchema())))));

    @Test
    void the_api_key_is_declared_and_required_everywhere() {
        new ApiDocument().customise(document);

        assertThat(document.getComponents().getSecuritySchemes().get("apiKey").getScheme()).isEqualTo("bearer");
        assertThat(document.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsKey("apiKey"));
    }

    @Test
    void errors_are_problem_details_and_only_writes_answer_conflicts() {
        new ApiDocument().customise(document);

        ApiResponses read = document.getPaths().get("/v2/things").getGet().getResponses();
        ApiResponses write = document.getPaths().get("/v2/things").getPost().getResponses();
        assertThat(read).containsKeys("200", "400", "401", "403", "404", "500", "503").doesNotContainKeys("409", "422");
        assertThat(write).containsKeys("409", "422");
        assertThat(read.get("404").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/ProblemDetail");
        assertThat(write.get("400").getDescription()).as("an answer the operation documents itself stays").isEqualTo("its own");
        assertThat(document.getComponents().getSchemas().get("ProblemDetail").getRequired())
                .containsExactly("type", "title", "status");
    }

    @Test
    void a_record_with_properties_says_it_is_an_object() {
        new ApiDocument().customise(document);

        Schema<?> thing = document.getComponents().getSchemas().get("Thing");
        assertThat(thing.getType()).isEqualTo("object");
        assertThat(thing.getTypes()).containsExactly("object");
    }

    @Test
    void an_object_declared_as_one_of_other_types_is_only_those() {
        Schema<?> id = new Schema<>();
        id.setType("object");
        id.oneOf(java.util.List.of(new io.swagger.v3.oas.models.media.IntegerSchema(), new StringSchema()));
        document.getComponents().addSchemas("Created", new Schema<>().addProperty("id", id));

        new ApiDocument().customise(document);

        assertThat(id.getType()).isNull();
        assertThat(id.getTypes()).isNull();
        assertThat(id.getOneOf()).hasSize(2);
    }

    @Test
    void a_type_set_the_openapi_30_way_is_written_in_31_too() {
        Schema<?> tags = new Schema<>();
        tags.setType("array");
        document.getComponents().addSchemas("Tags", tags.items(new StringSchema()));

        new ApiDocument().customise(document);

        assertThat(tags.getTypes()).containsExactly("array");
    }

    @Test
    void a_maps_object_values_become_any_json_value() {
        new ApiDocument().customise(document);

        Schema<?> thing = document.getComponents().getSchemas().get("Thing");
        Schema<?> values = (Schema<?>) thing.getProperties().get("metadata").getAdditionalProperties();
        assertThat(values.getType()).isNull();
        assertThat(values.getDescription()).isEqualTo("Any JSON value");
        Schema<?> inner = (Schema<?>) thing.getProperties().get("nested").getAdditionalProperties();
        assertThat(((Schema<?>) inner.getAdditionalProperties()).getType()).isNull();
    }
}
