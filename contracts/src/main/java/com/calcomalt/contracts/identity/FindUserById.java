package com.calcomalt.contracts.identity;

/** Answered with an {@code Optional<UserView>}. */
public record FindUserById(int userId) {
}
