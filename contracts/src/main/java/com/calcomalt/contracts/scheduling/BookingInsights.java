package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.Map;

public record BookingInsights(String scope, Integer teamId, Instant from, Instant to, long total, Map<String, Long> byTimeStatus, Map<String, Long> byStatus) {
}
