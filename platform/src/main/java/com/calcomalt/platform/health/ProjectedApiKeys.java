package com.calcomalt.platform.health;

/**
 * The read model's view of API keys, offered by a process that serves reads: a key's first read
 * (its owner's {@code /v2/me}) works only once the key and its owner have been projected.
 */
@FunctionalInterface
public interface ProjectedApiKeys {

    /** Whether the key with this SHA-256 and its owner's user row are in the read model. */
    boolean ownerProjected(String hashedKey);
}
