package com.calcomalt.contracts.billing;

import java.util.List;

public record SeatChangeLog(List<SeatChangeView> changes) {
}
