package com.acme.billing;

import static com.acme.billing.BillingColumns.CHANGED;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "invoices")
@AttributeOverrides({
    @AttributeOverride(name = "createdBy", column = @Column(name = BillingColumns.ISSUER, nullable = false)),
    @AttributeOverride(name = "updatedAt", column = @Column(name = CHANGED))
})
public class Invoice extends Tracked {
    @Id
    private Long id;
}
