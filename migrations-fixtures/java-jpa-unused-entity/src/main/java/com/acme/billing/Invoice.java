package com.acme.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "invoice")
public class Invoice {
    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "total_cents")
    private long totalCents;

    @Column(name = "paid_at")
    private Instant paidAt;
}
