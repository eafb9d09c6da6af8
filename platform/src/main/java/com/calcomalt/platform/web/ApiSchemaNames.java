package com.calcomalt.platform.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;

/**
 * Names the API document's schemas so that none hides another. Controllers keep their request and
 * response records nested, under short names (CreateInput, Created); by simple name, every
 * CreateInput became one schema and the last one won, so a client generated from the document sent
 * a webhook's body to POST /v2/schedules. A nested record is named after its controller instead:
 * ScheduleCommandController.CreateInput is "ScheduleCreateInput".
 */
public class ApiSchemaNames extends ModelResolver {

    public ApiSchemaNames() {
        super(Json.mapper(), new NestedTypeNames());
    }

    static final class NestedTypeNames extends TypeNameResolver {

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
