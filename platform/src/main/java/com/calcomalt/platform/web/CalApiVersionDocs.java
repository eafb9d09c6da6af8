package com.calcomalt.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/** Documents the {@code cal-api-version} header on the operations that follow a cal.com version. */
public class CalApiVersionDocs implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        String served = CalApiVersionCheck.served(handlerMethod);
        if (served != null) {
            StringSchema schema = new StringSchema();
            schema.setEnum(List.of(served));
            schema.setDefault(served);
            operation.addParametersItem(new HeaderParameter().name(CalApiVersion.HEADER).required(false)
                    .description("cal.com API v2 version whose shapes this endpoint follows; another value is a 400")
                    .schema(schema));
        }
        return operation;
    }
}
