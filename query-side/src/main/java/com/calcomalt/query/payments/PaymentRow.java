package com.calcomalt.query.payments;

import com.calcomalt.contracts.scheduling.PaymentOption;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of cal.com's {@code Payment} table. */
@Entity
@Table(name = "Payment")
class PaymentRow {

    @Id
    int id;
    String uid;
    int bookingId;
    int amount;
    int fee;
    String currency;
    boolean success;
    boolean refunded;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> data;
    String externalId;
    String appId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    PaymentOption paymentOption;

    protected PaymentRow() {
        // for JPA
    }
}
