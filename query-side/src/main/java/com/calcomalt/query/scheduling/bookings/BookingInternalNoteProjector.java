package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingColumnsImported;
import com.calcomalt.contracts.scheduling.BookingInternalNoteAdded;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code BookingInternalNote} table. */
@Component
@ProcessingGroup("calcom.BookingInternalNote")
class BookingInternalNoteProjector {

    private final EntityManager entityManager;

    BookingInternalNoteProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(BookingInternalNoteAdded event) {
        Rows.write(entityManager, BookingInternalNoteRow.class, event.noteId(), BookingInternalNoteRow::new, row -> {
            row.id = event.noteId();
            row.text = event.text();
            row.bookingId = event.bookingId();
            row.createdById = event.createdById();
            row.createdAt = event.createdAt();
        });
    }

    /** The presets of imported notes. */
    @EventHandler
    void on(BookingColumnsImported event) {
        for (BookingColumnsImported.NotePreset note : event.notes()) {
            Rows.existing(entityManager, BookingInternalNoteRow.class, note.noteId()).notePresetId = note.notePresetId();
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"BookingInternalNote\"").executeUpdate();
    }
}
