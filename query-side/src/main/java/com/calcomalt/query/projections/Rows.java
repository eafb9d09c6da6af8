package com.calcomalt.query.projections;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What every projector does with a row: write it whole (again, on a replay), or change one that must exist. */
public final class Rows {

    private Rows() {
    }

    /** Writes a row from an event; handling the event a second time leaves the same row. */
    public static <T> T write(EntityManager entityManager, Class<T> type, Object id, Supplier<T> blank,
                              Consumer<T> fill) {
        T existing = entityManager.find(type, id);
        T row = existing != null ? existing : blank.get();
        fill.accept(row);
        if (existing == null) {
            entityManager.persist(row);
        }
        return row;
    }

    /** An event about a row that is missing means the stream is broken: fail and retry, never skip. */
    public static <T> T existing(EntityManager entityManager, Class<T> type, Object id) {
        T row = entityManager.find(type, id);
        if (row == null) {
            throw new IllegalStateException("No " + type.getSimpleName() + " " + id + " to change");
        }
        return row;
    }

    /**
     * Deletes at once instead of at the next flush, for a row the database may delete by cascade in
     * the same event: a copy Hibernate still holds is let go first, so no flush deletes it again.
     * The entity's id attribute is {@code id}.
     */
    public static <T> void deleteNow(EntityManager entityManager, Class<T> type, Object id) {
        T held = entityManager.find(type, id);
        if (held != null) {
            entityManager.detach(held);
            entityManager.createQuery("delete from " + type.getSimpleName() + " r where r.id = :id")
                    .setParameter("id", id).executeUpdate();
        }
    }

    /** Deleting twice is deleting once. */
    public static <T> void delete(EntityManager entityManager, Class<T> type, Object id) {
        T row = entityManager.find(type, id);
        if (row != null) {
            entityManager.remove(row);
        }
    }
}
