package com.calcomalt.query.billing;

import com.calcomalt.contracts.billing.BillingPeriod;
import com.calcomalt.contracts.billing.BillingSet;
import com.calcomalt.contracts.billing.BillingStatusChanged;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Every column of cal.com's {@code TeamBilling} and {@code OrganizationBilling}, which have the same ones. */
@MappedSuperclass
abstract class BillingColumns {

    @Id
    String id;
    int teamId;
    String subscriptionId;
    String subscriptionItemId;
    String customerId;
    String status;
    String planName;
    Instant createdAt;
    Instant updatedAt;
    Instant subscriptionEnd;
    Instant subscriptionStart;
    Instant subscriptionTrialEnd;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    BillingPeriod billingPeriod;
    Integer pricePerSeat;
    Integer paidSeats;

    void fill(BillingSet event) {
        id = event.billingId();
        teamId = event.teamId();
        subscriptionId = event.subscriptionId();
        subscriptionItemId = event.subscriptionItemId();
        customerId = event.customerId();
        status = event.status().name();
        planName = event.planName();
        createdAt = event.createdAt();
        updatedAt = event.updatedAt();
        subscriptionEnd = event.subscriptionEnd();
        subscriptionStart = event.subscriptionStart();
        subscriptionTrialEnd = event.subscriptionTrialEnd();
        billingPeriod = event.billingPeriod();
        pricePerSeat = event.pricePerSeat();
        paidSeats = event.paidSeats();
    }

    void fill(BillingStatusChanged event) {
        status = event.status().name();
        updatedAt = event.updatedAt();
    }
}
