package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.MemberLeft;
import com.calcomalt.contracts.identity.MemberRemoved;
import com.calcomalt.contracts.identity.MemberRoleChanged;
import com.calcomalt.contracts.identity.MembershipAccepted;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.contracts.identity.MembershipDeclined;
import com.calcomalt.contracts.identity.MembershipDetailsImported;
import com.calcomalt.contracts.identity.MembershipImpersonationChanged;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code Membership} table: a declined, removed or left membership is deleted, as cal.com does. */
@Component
@ProcessingGroup("calcom.Membership")
class MembershipProjector {

    private final EntityManager entityManager;

    MembershipProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(MembershipCreated event) {
        Rows.write(entityManager, MembershipRow.class, event.membershipId(), MembershipRow::new, row -> {
            row.id = event.membershipId();
            row.teamId = event.teamId();
            row.userId = event.userId();
            row.role = event.role();
            row.accepted = event.accepted();
            row.createdAt = event.createdAt();
            row.updatedAt = event.createdAt();
        });
    }

    @EventHandler
    void on(MembershipAccepted event) {
        MembershipRow row = Rows.existing(entityManager, MembershipRow.class, event.membershipId());
        row.accepted = true;
        row.updatedAt = event.acceptedAt();
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        MembershipRow row = Rows.existing(entityManager, MembershipRow.class, event.membershipId());
        row.role = event.role();
        row.updatedAt = event.changedAt();
    }

    @EventHandler
    void on(MembershipImpersonationChanged event) {
        MembershipRow row = Rows.existing(entityManager, MembershipRow.class, event.membershipId());
        row.disableImpersonation = event.disableImpersonation();
        row.updatedAt = event.changedAt();
    }

    @EventHandler
    void on(MembershipDetailsImported event) {
        MembershipRow row = Rows.existing(entityManager, MembershipRow.class, event.membershipId());
        row.customRoleId = event.customRoleId();
        row.updatedAt = event.updatedAt();
    }

    @EventHandler
    void on(MembershipDeclined event) {
        Rows.delete(entityManager, MembershipRow.class, event.membershipId());
    }

    @EventHandler
    void on(MemberRemoved event) {
        Rows.delete(entityManager, MembershipRow.class, event.membershipId());
    }

    @EventHandler
    void on(MemberLeft event) {
        Rows.delete(entityManager, MembershipRow.class, event.membershipId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Membership\"").executeUpdate();
    }
}
