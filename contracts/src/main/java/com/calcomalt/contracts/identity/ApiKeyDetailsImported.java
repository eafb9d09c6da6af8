package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** When an imported key was last used in cal.com: our authentication does not record a key's use. */
@Revision("1")
public record ApiKeyDetailsImported(String apiKeyId, Instant lastUsedAt) {
}
