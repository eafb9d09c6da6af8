package com.calcomalt.platform.web;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Names each operation after its controller and method ("scheduleCreate", "bookingReschedule"):
 * by method name alone, springdoc numbers the clashes (create1, create5) in the order it finds
 * them, and a generated client's methods would change names whenever an endpoint is added.
 */
public class ApiOperationIds implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName().replaceFirst("(Command|Query)?Controller$", "");
        String method = handler.getMethod().getName();
        operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1));
        return operation;
    }
}
