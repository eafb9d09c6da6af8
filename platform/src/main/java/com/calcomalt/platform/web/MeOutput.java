package com.calcomalt.platform.web;

import com.calcomalt.contracts.identity.UserView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * cal.com's MeOutput: the caller as a user, plus the organization they belong to. It lives here
 * because both sides answer /v2/me (GET on the query side, PATCH on the command side) and the API
 * document must see one schema, not two that collide.
 *
 * <p>{@code organization} is left out when the caller is in none, as cal.com's optional field is.
 */
public record MeOutput(
        @JsonUnwrapped UserView user,
        @JsonInclude(JsonInclude.Include.NON_NULL) Organization organization) {

    public static MeOutput of(UserView user) {
        return new MeOutput(user, user.organizationId() == null ? null : new Organization(user.organizationId(), false));
    }

    /** cal.com's MeOrgOutput. No platform organizations exist here, so isPlatform is always false. */
    public record Organization(int id, boolean isPlatform) {
    }
}
