package com.calcomalt.contracts.scheduling;

import java.util.Map;

public record BookingSeatView(String seatUid, String attendeeEmail, Map<String, Object> data, Map<String, Object> metadata) {
}
