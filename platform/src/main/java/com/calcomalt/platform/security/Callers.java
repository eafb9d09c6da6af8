package com.calcomalt.platform.security;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.domain.AccessDenied;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request being handled on this thread. */
public final class Callers {

    private Callers() {
    }

    public static Optional<Caller> current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication a
                ? Optional.of(a.getPrincipal()) : Optional.empty();
    }

    public static Caller required() {
        return current().orElseThrow(() -> new AccessDenied("No authenticated caller"));
    }
}
