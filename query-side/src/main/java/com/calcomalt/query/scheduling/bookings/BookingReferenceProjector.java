package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingColumnsImported;
import com.calcomalt.contracts.scheduling.BookingReferenceAdded;
import com.calcomalt.contracts.scheduling.BookingReferenceRemoved;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code BookingReference} table; a removed reference stays, marked deleted, as cal.com keeps it. */
@Component
@ProcessingGroup("calcom.BookingReference")
class BookingReferenceProjector {

    private final EntityManager entityManager;

    BookingReferenceProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(BookingReferenceAdded event) {
        Integer credentialId = knownCredential(event.credentialId());
        Rows.write(entityManager, BookingReferenceRow.class, event.referenceId(), BookingReferenceRow::new, row -> {
            row.id = event.referenceId();
            row.type = event.type();
            row.uid = event.referenceUid();
            row.bookingId = event.bookingId();
            row.meetingId = event.meetingId();
            row.meetingPassword = event.meetingPassword();
            row.meetingUrl = event.meetingUrl();
            row.deleted = null;
            row.externalCalendarId = event.externalCalendarId();
            row.credentialId = credentialId;
            row.thirdPartyRecurringEventId = event.thirdPartyRecurringEventId();
        });
    }

    @EventHandler
    void on(BookingReferenceRemoved event) {
        Rows.existing(entityManager, BookingReferenceRow.class, event.referenceId()).deleted = true;
    }

    /**
     * An imported reference's account and delegation credentials, after the import brought their rows; one whose
     * row is not there is left out, as cal.com's foreign key would set it null.
     */
    @EventHandler
    void on(BookingColumnsImported event) {
        for (BookingColumnsImported.ReferenceColumns reference : event.references()) {
            BookingReferenceRow row = Rows.existing(entityManager, BookingReferenceRow.class, reference.referenceId());
            row.credentialId = knownCredential(reference.credentialId());
            row.domainWideDelegationCredentialId = known("DomainWideDelegation",
                    reference.domainWideDelegationCredentialId());
            row.delegationCredentialId = known("DelegationCredential", reference.delegationCredentialId());
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"BookingReference\"").executeUpdate();
    }

    private String known(String table, String id) {
        if (id == null) {
            return null;
        }
        Number found = (Number) entityManager.createNativeQuery("select count(*) from \"" + table + "\" where id = ?1")
                .setParameter(1, id).getSingleResult();
        return found.intValue() > 0 ? id : null;
    }

    /** A credential that has no row (yet, or any more) is left out, as cal.com's foreign key sets it null. */
    private Integer knownCredential(Integer credentialId) {
        if (credentialId == null) {
            return null;
        }
        Number found = (Number) entityManager.createNativeQuery("select count(*) from \"Credential\" where id = ?1")
                .setParameter(1, credentialId).getSingleResult();
        return found.intValue() > 0 ? credentialId : null;
    }
}
