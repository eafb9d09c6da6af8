package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.EventTypeColumnsImported;
import com.calcomalt.contracts.scheduling.EventTypeHostsSet;
import com.calcomalt.contracts.scheduling.Host;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code Host} table: the hosts of team event types. */
@Component
@ProcessingGroup("calcom.Host")
class HostProjector {

    private final EntityManager entityManager;

    HostProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(EventTypeHostsSet event) {
        entityManager.createQuery("delete from HostRow h where h.eventTypeId = :id")
                .setParameter("id", event.eventTypeId()).executeUpdate();
        for (Host host : event.hosts()) {
            HostRow row = new HostRow();
            row.userId = host.userId();
            row.eventTypeId = event.eventTypeId();
            row.memberId = host.memberId();
            row.isFixed = host.isFixed();
            row.priority = host.priority();
            row.weight = host.weight();
            row.scheduleId = host.scheduleId();
            row.createdAt = host.createdAt();
            entityManager.persist(row);
        }
    }

    @EventHandler
    void on(EventTypeColumnsImported event) {
        for (EventTypeColumnsImported.HostColumns host : event.hosts()) {
            entityManager.createQuery("""
                    update HostRow h set h.weightAdjustment = :adjustment, h.groupId = :group
                    where h.eventTypeId = :eventTypeId and h.userId = :userId""")
                    .setParameter("adjustment", host.weightAdjustment()).setParameter("group", host.groupId())
                    .setParameter("eventTypeId", event.eventTypeId()).setParameter("userId", host.userId())
                    .executeUpdate();
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Host\"").executeUpdate();
    }
}
