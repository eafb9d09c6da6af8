package com.calcomalt.contracts.scheduling;

public record BookingEventTypeRef(int id, String slug) {
}
