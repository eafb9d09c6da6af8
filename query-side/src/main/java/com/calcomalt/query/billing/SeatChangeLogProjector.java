package com.calcomalt.query.billing;

import com.calcomalt.contracts.billing.BillingIds;
import com.calcomalt.contracts.billing.SeatChangeImported;
import com.calcomalt.contracts.billing.SeatReleased;
import com.calcomalt.contracts.billing.SeatTaken;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code SeatChangeLog}: a row per seat taken (ADDITION) or given back (REMOVAL), one
 * seat each, in the month cal.com's proration reads it by. A row's id is its event's, so a replay
 * writes the same one; {@code metadata} is the empty object cal.com writes when a change has none.
 */
@Component
@ProcessingGroup("calcom.SeatChangeLog")
class SeatChangeLogProjector {

    /** The metadata key the import tags its events with. */
    private static final String IMPORTED = "imported";

    private final EntityManager entityManager;

    SeatChangeLogProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** An imported seat's history is in cal.com's own rows, imported as they are ({@link SeatChangeImported}). */
    @EventHandler
    void on(SeatTaken event, @MessageIdentifier String eventId, @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
        insert(eventId, event.orgId(), "ADDITION", event.userId(), event.triggeredBy(), event.takenAt(),
                event.organization(), event.billingId());
    }

    @EventHandler
    void on(SeatReleased event, @MessageIdentifier String eventId, @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
        insert(eventId, event.orgId(), "REMOVAL", event.userId(), event.triggeredBy(), event.releasedAt(),
                event.organization(), event.billingId());
    }

    @EventHandler
    void on(SeatChangeImported event) {
        entityManager.createNativeQuery("""
                        insert into "SeatChangeLog" (id, "teamId", "changeType", "seatCount", "userId", "triggeredBy",
                            "changeDate", "monthKey", "processedInProrationId", metadata, "createdAt", "teamBillingId",
                            "organizationBillingId")
                        values (?1, ?2, cast(?3 as "SeatChangeType"), ?4, cast(?5 as integer), cast(?6 as integer), ?7,
                                ?8, cast(?9 as text), cast(cast(?10 as text) as jsonb), ?11, cast(?12 as text),
                                cast(?13 as text))
                        on conflict (id) do nothing""")
                .setParameter(1, event.id()).setParameter(2, event.teamId()).setParameter(3, event.changeType())
                .setParameter(4, event.seatCount()).setParameter(5, event.userId())
                .setParameter(6, event.triggeredBy()).setParameter(7, event.changeDate())
                .setParameter(8, event.monthKey()).setParameter(9, event.processedInProrationId())
                .setParameter(10, event.metadata()).setParameter(11, event.createdAt())
                .setParameter(12, event.teamBillingId()).setParameter(13, event.organizationBillingId())
                .executeUpdate();
    }

    private void insert(String id, int teamId, String changeType, int userId, Integer triggeredBy, Instant at,
                        boolean organization, String billingId) {
        entityManager.createNativeQuery("""
                        insert into "SeatChangeLog" (id, "teamId", "changeType", "seatCount", "userId", "triggeredBy",
                            "changeDate", "monthKey", metadata, "createdAt", "teamBillingId", "organizationBillingId")
                        values (?1, ?2, cast(?3 as "SeatChangeType"), 1, ?4, cast(?5 as integer), ?6, ?7, '{}'::jsonb, ?6,
                                cast(?8 as text), cast(?9 as text))
                        on conflict (id) do nothing""")
                .setParameter(1, id).setParameter(2, teamId).setParameter(3, changeType).setParameter(4, userId)
                .setParameter(5, triggeredBy).setParameter(6, at).setParameter(7, BillingIds.monthKey(at))
                .setParameter(8, organization ? null : billingId).setParameter(9, organization ? billingId : null)
                .executeUpdate();
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"SeatChangeLog\"").executeUpdate();
    }
}
