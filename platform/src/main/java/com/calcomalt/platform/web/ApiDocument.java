package com.calcomalt.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the API document says about every operation at once, so that a client generated from it
 * knows how to authenticate and what an error looks like: the Bearer API key, and the RFC 9457
 * problem details of the 4xx and 5xx answers ({@link ProblemDetailsAdvice} writes them).
 */
public class ApiDocument implements OpenApiCustomizer {

    static final String API_KEY = "apiKey";
    static final String PROBLEM = "ProblemDetail";
    static final String FIELD_ERROR = "ProblemDetailFieldError";
    static final String PROBLEM_JSON = "application/problem+json";

    /** The errors any operation may answer; those that only change something are added to writes below. */
    private static final Map<String, String> EVERY_OPERATION = ordered(
            "400", "Invalid input: a malformed body, parameter or header; errors names each field",
            "401", "No valid API key: Authorization: Bearer <api key> is required",
            "403", "The caller may not do this",
            "404", "Not found",
            "500", "An unexpected failure",
            "503", "The database cannot be reached; retry after the Retry-After seconds");
    private static final Map<String, String> WRITES = ordered(
            "409", "A conflict: the resource exists, is taken, or changed concurrently",
            "422", "The input is well formed but breaks a rule of the domain");

    @Override
    public void customise(OpenAPI document) {
        document.info(new Info().title("cal.com.alt API").version("v2")
                .description("cal.com's API v2 on an event-sourced backend. Every operation takes an API key as "
                        + "`Authorization: Bearer cal_...`; errors are RFC 9457 problem details."));
        // Not the address the document was asked at: the document must read the same wherever it runs.
        document.servers(List.of(new Server().url("http://localhost:8080").description("The all-in-one, run locally")));
        Components components = document.getComponents() == null ? new Components() : document.getComponents();
        document.components(components);
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("API key").description("An API key of a user, cal_ followed by 32 characters"));
        document.security(List.of(new SecurityRequirement().addList(API_KEY)));
        components.addSchemas(FIELD_ERROR, new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field, as the request named it"))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message")));
        components.addSchemas(PROBLEM, problemSchema());
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiDocument::typed);
        }
        if (document.getPaths() == null) {
            return;
        }
        for (PathItem path : document.getPaths().values()) {
            path.readOperationsMap().forEach((method, operation) -> {
                document(operation, EVERY_OPERATION);
                if (method != PathItem.HttpMethod.GET) {
                    document(operation, WRITES);
                }
            });
        }
    }

    /**
     * Two things the resolver leaves loose. A record's schema has its type only as OpenAPI 3.0
     * writes it, or none at all, and the 3.1 document then shows no type: it says "object". A {@code Map<String, Object>} (cal.com's metadata, booking-field responses)
     * holds any JSON value, but the resolver writes its values as {@code {"type": "object"}}, which
     * a string value would break: they become the schema that takes anything.
     */
    private static void typed(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        boolean untyped = schema.getTypes() == null || schema.getTypes().isEmpty();
        boolean oneOfOthers = schema.getOneOf() != null || schema.getAnyOf() != null;
        if (oneOfOthers && "object".equals(schema.getType()) && schema.getProperties() == null) {
            // An Object annotated as one of other types (integer or string) is not an object as well.
            schema.setType(null);
            schema.setTypes(null);
        } else if (untyped && schema.getType() != null) {
            // Set as OpenAPI 3.0 has it: the 3.1 document writes only the types.
            schema.addType(schema.getType());
        } else if (untyped && schema.get$ref() == null && schema.getProperties() != null
                && !schema.getProperties().isEmpty()) {
            schema.setType("object");
            schema.addType("object");
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            if (isBareObject(values)) {
                schema.setAdditionalProperties(new Schema<>().description("Any JSON value"));
            } else {
                typed(values);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiDocument::typed);
        }
        typed(schema.getItems());
        for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (parts != null) {
                parts.forEach(ApiDocument::typed);
            }
        }
    }

    private static boolean isBareObject(Schema<?> schema) {
        boolean object = ("object".equals(schema.getType()) && (schema.getTypes() == null || schema.getTypes().isEmpty()))
                || (schema.getTypes() != null && schema.getTypes().equals(java.util.Set.of("object")));
        return object && schema.get$ref() == null && (schema.getProperties() == null || schema.getProperties().isEmpty())
                && schema.getAdditionalProperties() == null && schema.getAllOf() == null && schema.getOneOf() == null
                && schema.getAnyOf() == null;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("An RFC 9457 problem detail")
                .addProperty("type", new StringSchema().format("uri").description("about:blank unless said otherwise"))
                .addProperty("title", new StringSchema().description("The status's reason phrase"))
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema().description("What went wrong, for a person"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("On 400 for invalid fields: one entry per field"))
                .required(List.of("type", "title", "status"));
    }

    private static void document(Operation operation, Map<String, String> errors) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        errors.forEach((status, description) -> responses.computeIfAbsent(status, s -> new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
