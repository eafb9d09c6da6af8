package com.calcomalt.contracts.scheduling;

/** Why someone is away: {@code userId} is null for everybody's reasons, named by cal.com's translation keys. */
public record OutOfOfficeReasonView(int id, String emoji, String reason, Integer userId) {
}
