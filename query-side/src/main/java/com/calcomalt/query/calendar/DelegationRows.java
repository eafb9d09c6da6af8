package com.calcomalt.query.calendar;

import jakarta.persistence.EntityManager;

/** Imported calendar rows name delegation credentials; cal.com's foreign keys allow only those that are there. */
final class DelegationRows {

    private DelegationRows() {
    }

    /** The id if its row is there, else null: a credential the import left out takes nothing with it here. */
    static String known(EntityManager entityManager, String table, String id) {
        if (id == null) {
            return null;
        }
        Number found = (Number) entityManager.createNativeQuery("select count(*) from \"" + table + "\" where id = ?1")
                .setParameter(1, id).getSingleResult();
        return found.intValue() > 0 ? id : null;
    }
}
