package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.OutOfOfficeCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeDeleted;
import com.calcomalt.contracts.scheduling.OutOfOfficeUpdated;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code OutOfOfficeEntry} table. */
@Component
@ProcessingGroup("calcom.OutOfOfficeEntry")
class OutOfOfficeProjector {

    private final EntityManager entityManager;

    OutOfOfficeProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(OutOfOfficeCreated event) {
        Rows.write(entityManager, OutOfOfficeEntryRow.class, event.entryId(), OutOfOfficeEntryRow::new, row -> {
            row.id = event.entryId();
            row.uuid = event.uuid();
            row.userId = event.userId();
            row.start = event.start();
            row.end = event.end();
            row.reasonId = event.reasonId();
            row.toUserId = event.toUserId();
            row.notes = event.notes();
            row.showNotePublicly = event.showNotePublicly();
            row.createdAt = event.createdAt();
            row.updatedAt = event.createdAt();
        });
    }

    @EventHandler
    void on(OutOfOfficeUpdated event) {
        OutOfOfficeEntryRow row = Rows.existing(entityManager, OutOfOfficeEntryRow.class, event.entryId());
        row.start = event.start();
        row.end = event.end();
        row.reasonId = event.reasonId();
        row.toUserId = event.toUserId();
        row.notes = event.notes();
        row.showNotePublicly = event.showNotePublicly();
        row.updatedAt = event.updatedAt();
    }

    @EventHandler
    void on(OutOfOfficeDeleted event) {
        Rows.delete(entityManager, OutOfOfficeEntryRow.class, event.entryId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"OutOfOfficeEntry\"").executeUpdate();
    }
}
