package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.FindUserById;
import com.calcomalt.contracts.identity.FindUsersByEmail;
import com.calcomalt.contracts.identity.UserView;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v2/users")
@Tag(name = "Users")
class UserQueryController {

    private final QueryGateway queries;

    UserQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{userId}")
    @Operation(summary = "Get a user")
    ApiResponse<UserView> get(@PathVariable @Positive int userId) {
        return ApiResponse.success(queries.query(new FindUserById(userId), ResponseTypes.optionalInstanceOf(UserView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("No user with id " + userId)));
    }

    @GetMapping
    @Operation(summary = "Find users by email")
    ApiResponse<List<UserView>> findByEmail(@RequestParam @NotBlank String email) {
        return ApiResponse.success(queries.query(new FindUsersByEmail(email),
                ResponseTypes.multipleInstancesOf(UserView.class)).join());
    }
}
