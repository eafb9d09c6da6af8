package com.calcomalt.contracts.scheduling;

/** The UTM attribution of a booking, as its Tracking row keeps it. */
public record UtmParameters(int trackingId, String source, String medium, String campaign, String term, String content) {
}
