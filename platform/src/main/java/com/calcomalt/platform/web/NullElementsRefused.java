package com.calcomalt.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A typed list, set or array never holds null: {@code "attendees": [null]} is refused, naming
 * {@code attendees[0]}. Jackson's content-nulls setting would do it too, but it reaches into the
 * maps inside a list ({@code locations}, {@code bookingFields}), whose free-form values may be
 * null. Free-form values read as {@code Object}, lists among them, keep their nulls as well.
 */
public class NullElementsRefused extends SimpleModule {

    public NullElementsRefused() {
        super("NullElementsRefused");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return freeForm(type.getContentType()) ? deserializer : new WithoutNulls(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return type.getContentType().isPrimitive() || freeForm(type.getContentType())
                        ? deserializer : new WithoutNulls(deserializer);
            }
        });
    }

    /** Lists of anything, as Jackson also reads arrays inside free-form values, keep their nulls. */
    private static boolean freeForm(JavaType content) {
        return content.hasRawClass(Object.class);
    }

    private static final class WithoutNulls extends DelegatingDeserializer {

        WithoutNulls(JsonDeserializer<?> deserializer) {
            super(deserializer);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> deserializer) {
            return new WithoutNulls(deserializer);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return withoutNulls(super.deserialize(parser, context), context);
        }

        @SuppressWarnings("unchecked")
        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into) throws IOException {
            return withoutNulls(((JsonDeserializer<Object>) _delegatee).deserialize(parser, context, into), context);
        }

        private static Object withoutNulls(Object value, DeserializationContext context) throws IOException {
            int index = 0;
            for (Object element : value instanceof Object[] array ? Arrays.asList(array)
                    : value instanceof Collection<?> collection ? collection : List.of()) {
                if (element == null) {
                    InvalidNullException refused = InvalidNullException.from(context, PropertyName.NO_NAME, null);
                    refused.prependPath(value, index);
                    throw refused;
                }
                index++;
            }
            return value;
        }
    }
}
