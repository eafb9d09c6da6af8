package com.calcomalt.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The web mapper's JSON factory: its parsers refuse, as they read them, every string and property
 * name PostgreSQL cannot store (see {@link StorableText}) and every property given twice in one
 * object. Checking tokens rather than deserialized strings reaches all of them in one place:
 * record fields, map keys, free-form metadata read as {@code Object} or {@code JsonNode}, enums.
 */
public class StrictJsonFactory extends JsonFactory {

    public StrictJsonFactory() {
    }

    private StrictJsonFactory(StrictJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new StrictJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new StrictParser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new StrictParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new StrictParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new StrictParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new StrictParser(super._createParser(input, context));
    }

    /**
     * Sees every token: {@link JsonParser}'s own {@code nextFieldName}, {@code nextTextValue} and
     * the like go through {@link #nextToken()}, and {@link #nextValue()} is made to.
     */
    static final class StrictParser extends JsonParserDelegate {

        /** The names seen in each open object; Jackson reuses a context for the next sibling object. */
        private final Map<JsonStreamContext, Set<String>> names = new IdentityHashMap<>();

        StrictParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.START_OBJECT) {
                names.remove(delegate.getParsingContext());
            } else if (token == JsonToken.FIELD_NAME) {
                checkName();
            } else if (token == JsonToken.VALUE_STRING) {
                String flaw = StorableText.flaw(getTextCharacters(), getTextOffset(), getTextLength());
                if (flaw != null) {
                    throw new RefusedJsonInput(this, field(getParsingContext()), flaw);
                }
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        private void checkName() throws IOException {
            JsonStreamContext object = getParsingContext();
            String name = currentName();
            String flaw = StorableText.flaw(name);
            if (flaw != null) {
                throw new RefusedJsonInput(this, field(object.getParent()), "has a property name that " + flaw);
            }
            if (!names.computeIfAbsent(object, o -> new HashSet<>()).add(name)) {
                throw new RefusedJsonInput(this, field(object), "is given more than once");
            }
        }

        /** The path of the value being read, as {@link JsonInput} names fields; the root is "body". */
        private static String field(JsonStreamContext context) {
            Deque<String> steps = new ArrayDeque<>();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray()) {
                    steps.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
                } else if (c.getCurrentName() != null) {
                    steps.push("." + c.getCurrentName());
                }
            }
            String path = String.join("", steps).replaceFirst("^\\.", "");
            return path.isEmpty() ? "body" : path;
        }
    }
}
