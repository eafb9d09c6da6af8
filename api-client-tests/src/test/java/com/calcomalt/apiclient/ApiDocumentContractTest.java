package com.calcomalt.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.platform.web.ApiSchemaNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The document the running application serves at /v3/api-docs is a contract: it validates, no two
 * Java types share a schema name, every body is typed, and the checked-in openapi.json that the
 * client is generated from is the same document.
 */
class ApiDocumentContractTest extends RunningApplication {

    /** The one command that rewrites the checked-in document from the running application. */
    static final String UPDATE_COMMAND = "./mvnw -B -pl api-client-tests -am verify -Dtest=ApiDocumentContractTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true";
    static final Path CHECKED_IN = Path.of("openapi.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Autowired
    ApiSchemaNames schemaNames;

    private String live;
    private JsonNode liveDocument;

    @BeforeEach
    void readTheLiveDocument() throws Exception {
        live = apiDocs();
        liveDocument = JSON.readTree(live);
    }

    @Test
    void the_document_validates_against_the_openapi_rules() {
        assertThat(ApiDocumentRules.validationMessages(live)).as("swagger-parser's messages").isEmpty();
        assertThat(liveDocument.path("openapi").asText()).startsWith("3.1");
        List<String> operationIds = liveDocument.findValuesAsText("operationId");
        assertThat(operationIds).as("operation ids").doesNotHaveDuplicates();
    }

    @Test
    void no_two_types_share_a_schema_name() {
        assertThat(schemaNames.collisions()).as("schema names given to two Java types").isEmpty();
    }

    @Test
    void every_body_is_typed_down_to_nested_objects_and_enums() {
        Map<String, List<String>> untyped = new TreeMap<>(new ApiDocumentRules(liveDocument).untypedBodies());
        assertThat(untyped).as("untyped bodies").isEmpty();
    }

    /** A generated client reads the documented status; what ResponseEntity.created answers is 201. */
    @Test
    void what_is_created_is_documented_as_201() {
        for (String path : List.of("/v2/users", "/v2/api-keys", "/v2/schedules", "/v2/event-types", "/v2/bookings",
                "/v2/bookings/{uid}/reschedule", "/v2/webhooks", "/v2/workflows", "/v2/teams", "/v2/me/ooo")) {
            assertThat(liveDocument.at("/paths/" + path.replace("/", "~1") + "/post/responses").fieldNames())
                    .toIterable().as("POST " + path).contains("201").doesNotContain("200");
        }
    }

    @Test
    void every_operation_takes_the_api_key_and_answers_errors_as_problem_details() {
        assertThat(liveDocument.at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
        assertThat(liveDocument.at("/security/0").has("apiKey")).isTrue();
        liveDocument.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            for (String status : List.of("400", "401", "403", "404", "500")) {
                assertThat(op.getValue().at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
                        .asText()).as(op.getKey() + " " + path.getKey() + " " + status)
                        .isEqualTo("#/components/schemas/ProblemDetail");
            }
        }));
    }

    /** Run {@link #UPDATE_COMMAND} to take the live document as the new checked-in one. */
    @Test
    void the_checked_in_document_is_the_live_one() throws Exception {
        String pretty = JSON.writeValueAsString(liveDocument) + "\n";
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CHECKED_IN, pretty, StandardCharsets.UTF_8);
        }
        JsonNode checkedIn = JSON.readTree(Files.readString(CHECKED_IN, StandardCharsets.UTF_8));
        assertThat(checkedIn)
                .as("api-client-tests/openapi.json differs from the running application's /v3/api-docs; "
                        + "if the change is meant, rewrite it with:%n  %s%nand commit it", UPDATE_COMMAND)
                .isEqualTo(liveDocument);
    }
}
