package com.calcomalt.contracts.identity;

/** Answered with an {@code Optional<UserView>}: empty when there is no such user or the caller may not see them. */
public record FindUserById(int userId, Caller caller) {
}
