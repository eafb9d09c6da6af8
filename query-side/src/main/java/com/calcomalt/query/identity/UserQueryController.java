package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.FindUserById;
import com.calcomalt.contracts.identity.FindUsersByEmail;
import com.calcomalt.contracts.identity.UserView;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.MeOutput;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users")
class UserQueryController {

    private final QueryGateway queries;
    private final UserQueries users;

    UserQueryController(QueryGateway queries, UserQueries users) {
        this.queries = queries;
        this.users = users;
    }

    @GetMapping("/v2/users/{userId}")
    @Operation(summary = "Get a user: oneself, a member of a team one runs, or anyone for system admins")
    ApiResponse<UserView> get(@PathVariable @Positive int userId) {
        return ApiResponse.success(user(userId));
    }

    @GetMapping("/v2/me")
    @Operation(summary = "Get the caller")
    ApiResponse<MeOutput> me() {
        // The floor of every authenticated request: asked of its handler directly, since the query bus's
        // round trip (unit of work, interceptors, futures) was a tenth of this request's CPU.
        int userId = Callers.required().userId();
        return ApiResponse.success(MeOutput.of(users.handle(new FindUserById(userId, Callers.required()))
                .orElseThrow(() -> new ResourceNotFound("No user with id " + userId))));
    }

    @GetMapping("/v2/users")
    @Operation(summary = "Find users by email, among those the caller may see")
    ApiResponse<List<UserView>> findByEmail(@RequestParam @NotBlank String email) {
        return ApiResponse.success(queries.query(new FindUsersByEmail(email, Callers.required()),
                ResponseTypes.multipleInstancesOf(UserView.class)).join());
    }

    private UserView user(int userId) {
        return queries.query(new FindUserById(userId, Callers.required()), ResponseTypes.optionalInstanceOf(UserView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("No user with id " + userId));
    }
}
