package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.DelegationCredentialView;
import com.calcomalt.contracts.calendar.DelegationCredentials;
import com.calcomalt.contracts.calendar.FindDelegationCredential;
import com.calcomalt.contracts.calendar.FindDelegationCredentials;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An organization's delegation credentials, for its ADMINs and OWNERs; nothing of the service account key. */
@RestController
@Tag(name = "Orgs / Delegation Credentials")
class DelegationCredentialQueryController {

    private final QueryGateway queries;

    DelegationCredentialQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/organizations/{orgId}/delegation-credentials")
    @Operation(summary = "The organization's delegation credentials, oldest first (its ADMINs and OWNERs)")
    ApiResponse<List<DelegationCredentialView>> list(@PathVariable @Positive int orgId) {
        return ApiResponse.success(queries.query(new FindDelegationCredentials(Callers.required(), orgId),
                ResponseTypes.optionalInstanceOf(DelegationCredentials.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No organization " + orgId)).credentials());
    }

    @GetMapping("/v2/organizations/{orgId}/delegation-credentials/{credentialId}")
    @Operation(summary = "Get a delegation credential of the organization (its ADMINs and OWNERs)")
    ApiResponse<DelegationCredentialView> get(@PathVariable @Positive int orgId, @PathVariable String credentialId) {
        return ApiResponse.success(queries.query(new FindDelegationCredential(Callers.required(), orgId, credentialId),
                ResponseTypes.optionalInstanceOf(DelegationCredentialView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No delegation credential " + credentialId)));
    }
}
