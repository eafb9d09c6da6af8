package com.calcomalt.query.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A row of cal.com's {@code OrganizationBilling} table. */
@Entity
@Table(name = "OrganizationBilling")
class OrganizationBillingRow extends BillingColumns {
}
