package com.calcomalt.contracts.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;

/** Hours of one date instead of the weekly ones, as a cal.com Availability row with a date; 00:00 to 00:00 means not available that date. */
public record DateOverride(int availabilityId, LocalDate date, LocalTime startTime, LocalTime endTime) {

    public boolean unavailable() {
        return startTime.equals(endTime);
    }
}
