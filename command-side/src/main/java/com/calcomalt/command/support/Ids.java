package com.calcomalt.command.support;

import java.util.UUID;

/** Text ids of cal.com rows that Prisma would make in the client (ApiKey, Session, Account, ...). */
public final class Ids {

    private Ids() {
    }

    public static String text() {
        return UUID.randomUUID().toString();
    }
}
