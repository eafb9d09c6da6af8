package com.calcomalt.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * Names the API document's schemas so that none hides another. Controllers keep their request and
 * response records nested, under short names (CreateInput, Created); by simple name, every
 * CreateInput became one schema and the last one won, so a client generated from the document sent
 * a webhook's body to POST /v2/schedules. A nested record is named after its controller instead:
 * ScheduleCommandController.CreateInput is "ScheduleCreateInput". Two types that still get one name
 * are kept in {@link #collisions()}, which the contract test requires to be empty.
 *
 * <p>A primitive component is always in the JSON: it is marked required.
 */
public class ApiSchemaNames extends ModelResolver {

    private final NestedTypeNames names;

    public ApiSchemaNames() {
        this(new NestedTypeNames());
    }

    private ApiSchemaNames(NestedTypeNames names) {
        super(Json.mapper(), names);
        this.names = names;
    }

    /**
     * A JsonNullable field (a PATCH field that null clears) is documented as the value it holds:
     * on the wire it is that value, null or absent.
     */
    @Override
    public Schema resolve(AnnotatedType annotatedType, ModelConverterContext context, Iterator<ModelConverter> next) {
        JavaType type = annotatedType.getType() == null ? null : _mapper.constructType(annotatedType.getType());
        if (type != null && type.hasRawClass(JsonNullable.class) && type.containedTypeCount() == 1) {
            return context.resolve(new AnnotatedType(type.containedType(0)).name(annotatedType.getName())
                    .parent(annotatedType.getParent()).ctxAnnotations(annotatedType.getCtxAnnotations())
                    .schemaProperty(annotatedType.isSchemaProperty()).resolveAsRef(annotatedType.isResolveAsRef())
                    .jsonViewAnnotation(annotatedType.getJsonViewAnnotation())
                    .propertyName(annotatedType.getPropertyName()).skipSchemaName(annotatedType.isSkipSchemaName()));
        }
        return super.resolve(annotatedType, context, next);
    }

    /** "Name: one type | another type" for each schema name that two Java types were given. */
    public List<String> collisions() {
        return names.collisions();
    }

    @Override
    protected boolean applyBeanValidatorAnnotations(BeanPropertyDefinition property, Schema schema,
                                                    Annotation[] annotations, Schema parent, boolean applyNotNull) {
        boolean applied = super.applyBeanValidatorAnnotations(property, schema, annotations, parent, applyNotNull);
        if (parent != null && property != null && property.getPrimaryType() != null
                && property.getPrimaryType().isPrimitive()
                && (parent.getRequired() == null || !parent.getRequired().contains(property.getName()))) {
            parent.addRequiredItem(property.getName());
        }
        return applied;
    }

    static final class NestedTypeNames extends TypeNameResolver {

        private final Map<String, String> typeByName = new ConcurrentHashMap<>();
        private final Map<String, String> collisions = new ConcurrentHashMap<>();

        @Override
        public String nameForType(JavaType type, Set<Options> options) {
            String name = super.nameForType(type, options);
            // An enum is written inline where it is used, never as a component, so two enums of one
            // simple name (automation's and notifications' TimeUnit) hide nothing from each other.
            if (name != null && !type.isContainerType() && !type.isPrimitive() && !type.isEnumType()
                    && !type.getRawClass().getName().startsWith("java.")) {
                String canonical = type.toCanonical();
                String earlier = typeByName.putIfAbsent(name, canonical);
                if (earlier != null && !earlier.equals(canonical)) {
                    collisions.merge(name, name + ": " + earlier + " | " + canonical,
                            (a, b) -> a.contains(canonical) ? a : a + " | " + canonical);
                }
            }
            return name;
        }

        List<String> collisions() {
            return new ArrayList<>(collisions.values());
        }

        @Override
        protected String getNameOfClass(Class<?> type) {
            String name = super.getNameOfClass(type);
            Class<?> enclosing = type.getEnclosingClass();
            if (!type.isMemberClass() || enclosing == null || getUseFqn()) {
                return name;
            }
            return enclosing.getSimpleName().replaceFirst("(Command|Query)?Controller$", "") + name;
        }
    }
}
