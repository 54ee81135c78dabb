package com.acme.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "refund")
public class Refund {
    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "invoice_id")
    private Long invoiceId;

    @Column(name = "reason")
    private String reason;
}
