package com.calcomalt.contracts.scheduling;

import java.util.List;
import java.util.Map;

/** A question asked when booking, as cal.com's EventTypeCustomInput. */
public record CustomInput(int id, String label, boolean required, EventTypeCustomInputType type, String placeholder, List<Map<String, Object>> options) {
}
