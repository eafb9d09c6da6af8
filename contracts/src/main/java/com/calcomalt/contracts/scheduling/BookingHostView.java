package com.calcomalt.contracts.scheduling;

public record BookingHostView(int id, String name, String email, String username, String timeZone) {
}
