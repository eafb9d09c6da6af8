package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.Caller;

/**
 * Answered with the caller's own {@link OutOfOfficeEntryView}s, a page of them: {@code take} after
 * {@code skip}, ordered by start then end ({@code asc} or {@code desc}; null: by start, soonest first).
 */
public record FindOutOfOfficeEntries(Caller caller, int take, int skip, String sortStart, String sortEnd) {
}
