package com.calcomalt.contracts.identity;

import java.util.List;

/** The identity providers' accounts linked to a user; no provider token is ever kept. */
public record LinkedAccounts(List<Account> accounts) {

    public record Account(String id, int userId, String type, String provider, String providerAccountId,
                          String providerEmail, String scope) {
    }
}
