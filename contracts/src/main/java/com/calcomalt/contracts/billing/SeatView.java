package com.calcomalt.contracts.billing;

import java.time.Instant;

public record SeatView(int id, int orgId, int userId, Instant createdAt) {
}
