package com.acme.billing;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

// A column built from two constants is no plain literal: that field stays unchecked.
@Entity
@Table(name = "payments")
@AttributeOverride(name = "createdBy", column = @Column(name = BillingColumns.PAYER))
public class Payment extends Tracked {
    @Id
    private Long id;
}
