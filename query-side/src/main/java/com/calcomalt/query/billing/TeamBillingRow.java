package com.calcomalt.query.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A row of cal.com's {@code TeamBilling} table. */
@Entity
@Table(name = "TeamBilling")
class TeamBillingRow extends BillingColumns {
}
