package com.calcomalt.platform.health;

import com.calcomalt.platform.security.ApiKeyOwners;
import com.calcomalt.platform.security.ApiKeyOwners.KeyOwner;
import com.calcomalt.platform.security.ApiKeys;
import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * On a fresh database the web server answers before the bootstrap administrator exists (it is made
 * by an ApplicationRunner) and before the query side has projected it. OUT_OF_SERVICE until the
 * bootstrap key authenticates here and, in a process that serves reads, its owner is projected; so
 * "UP" means the key's first request works. The command side alone waits for the key only; the
 * query side alone waits for both, made by the command side elsewhere. Once reached it stays UP
 * without asking the database again: it is a start-up gate, and an outage later shows in {@code db}.
 * Without a bootstrap key there is nothing to wait for.
 */
public class BootstrapAdministratorHealthIndicator extends AbstractHealthIndicator {

    private final String apiKey;
    private final ApiKeyOwners owners;
    private final List<ProjectedApiKeys> readModels;
    private volatile boolean reached;

    public BootstrapAdministratorHealthIndicator(String apiKey, ApiKeyOwners owners,
                                                 List<ProjectedApiKeys> readModels) {
        super("The bootstrap administrator cannot be checked");
        this.apiKey = apiKey;
        this.owners = owners;
        this.readModels = readModels;
        this.reached = apiKey.isBlank();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (reached) {
            builder.up();
            return;
        }
        boolean authenticates = owners.of(apiKey).filter(KeyOwner::mayAuthenticate).isPresent();
        String hashedKey = ApiKeys.hash(apiKey);
        boolean projected = authenticates && readModels.stream().allMatch(r -> r.ownerProjected(hashedKey));
        reached = authenticates && projected;
        builder.status(reached ? "UP" : "OUT_OF_SERVICE")
                .withDetail("keyAuthenticates", authenticates);
        if (!readModels.isEmpty()) {
            builder.withDetail("ownerProjected", projected);
        }
    }
}
