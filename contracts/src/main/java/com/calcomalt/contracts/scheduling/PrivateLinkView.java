package com.calcomalt.contracts.scheduling;

import java.time.Instant;

/**
 * A private link as cal.com API v2 shows one. {@code linkId} is the hash in the link (what creating
 * it answers as {@code link}), as cal.com names it; {@code id} is what deleting it takes. A link with
 * {@code expiresAt} expires then; one without, once used {@code maxUsageCount} times.
 */
public record PrivateLinkView(int id, String linkId, int eventTypeId, boolean isExpired, Instant expiresAt,
                              int maxUsageCount, int usageCount) {
}
