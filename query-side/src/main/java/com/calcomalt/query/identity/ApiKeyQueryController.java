package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.ApiKeyView;
import com.calcomalt.contracts.identity.FindApiKeys;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "API keys")
class ApiKeyQueryController {

    private final QueryGateway queries;

    ApiKeyQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/api-keys")
    @Operation(summary = "The caller's API keys and those of the teams they run, without the keys themselves")
    ApiResponse<List<ApiKeyView>> list() {
        return ApiResponse.success(queries.query(new FindApiKeys(Callers.required()),
                ResponseTypes.multipleInstancesOf(ApiKeyView.class)).join());
    }
}
