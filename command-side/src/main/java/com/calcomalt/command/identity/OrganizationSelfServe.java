package com.calcomalt.command.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator's choice, as cal.com's {@code NEXT_PUBLIC_ORGANIZATIONS_SELF_SERVE_ENABLED}: whether any
 * user may create an organization they own, or only system admins create organizations. {@link Team}
 * takes it as a handler parameter, so the aggregate decides with it and never reads configuration.
 */
@Component
public class OrganizationSelfServe {

    private final boolean enabled;

    public OrganizationSelfServe(@Value("${calalt.organizations.self-serve:false}") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }
}
