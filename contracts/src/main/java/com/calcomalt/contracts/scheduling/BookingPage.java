package com.calcomalt.contracts.scheduling;

import java.util.List;

public record BookingPage(List<BookingView> bookings, long totalItems, int take, int skip) {
}
