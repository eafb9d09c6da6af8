package com.calcomalt.contracts.scheduling;

import java.util.List;

public record BookingHistory(String uid, List<BookingHistoryEntry> entries) {
}
