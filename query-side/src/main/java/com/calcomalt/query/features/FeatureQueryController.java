package com.calcomalt.query.features;

import com.calcomalt.contracts.features.CallerFeature;
import com.calcomalt.contracts.features.CallerFeatures;
import com.calcomalt.contracts.features.FeatureAssignmentView;
import com.calcomalt.contracts.features.FeatureList;
import com.calcomalt.contracts.features.FeatureView;
import com.calcomalt.contracts.features.FindCallerFeatures;
import com.calcomalt.contracts.features.FindFeature;
import com.calcomalt.contracts.features.FindFeatures;
import com.calcomalt.contracts.features.FindTeamFeatures;
import com.calcomalt.contracts.features.FindUserFeatures;
import com.calcomalt.contracts.features.TeamFeatureGrants;
import com.calcomalt.contracts.features.UserFeatureGrants;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The flags (system admins), a team's own grants of them (whoever sees the team), a user's own (system
 * admins and the user), and the caller's.
 */
@RestController
@Tag(name = "Features")
class FeatureQueryController {

    private final QueryGateway queries;

    FeatureQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/admin/features")
    @Operation(summary = "Every feature flag, by slug (system admins)")
    ApiResponse<List<FeatureView>> features() {
        return ApiResponse.success(queries.query(new FindFeatures(Callers.required()), FeatureList.class).join()
                .features());
    }

    @GetMapping("/v2/admin/features/{slug}")
    @Operation(summary = "One feature flag (system admins)")
    ApiResponse<FeatureView> feature(@PathVariable @NotBlank @Size(max = 100) String slug) {
        Optional<FeatureView> found = queries.query(new FindFeature(Callers.required(), slug),
                ResponseTypes.optionalInstanceOf(FeatureView.class)).join();
        return ApiResponse.success(found.orElseThrow(() -> new ResourceNotFound("No feature " + slug)));
    }

    @GetMapping("/v2/teams/{teamId}/features")
    @Operation(summary = "A team's own grants and refusals of feature flags (not what it inherits), for whoever"
            + " sees the team")
    ApiResponse<List<FeatureAssignmentView>> teamFeatures(@PathVariable @Positive int teamId) {
        Optional<TeamFeatureGrants> found = queries.query(new FindTeamFeatures(Callers.required(), teamId),
                ResponseTypes.optionalInstanceOf(TeamFeatureGrants.class)).join();
        return ApiResponse.success(found.orElseThrow(() -> new ResourceNotFound("No team " + teamId)).features());
    }

    @GetMapping("/v2/users/{userId}/features")
    @Operation(summary = "A user's own grants and refusals of feature flags (not what their teams give), for system"
            + " admins and the user")
    ApiResponse<List<FeatureAssignmentView>> userFeatures(@PathVariable @Positive int userId) {
        Optional<UserFeatureGrants> found = queries.query(new FindUserFeatures(Callers.required(), userId),
                ResponseTypes.optionalInstanceOf(UserFeatureGrants.class)).join();
        return ApiResponse.success(found.orElseThrow(() -> new ResourceNotFound("No user " + userId)).features());
    }

    @GetMapping("/v2/me/features")
    @Operation(summary = "The feature flags the caller has: their own grants, else their teams' and organizations'")
    ApiResponse<List<CallerFeature>> mine() {
        return ApiResponse.success(queries.query(new FindCallerFeatures(Callers.required()), CallerFeatures.class)
                .join().features());
    }
}
