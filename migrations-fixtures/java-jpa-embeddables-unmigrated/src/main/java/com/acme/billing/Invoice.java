package com.acme.billing;

import jakarta.persistence.*;

@Entity
@Table(name = "invoices")
@AttributeOverride(name = "total.currency", column = @Column(name = "total_currency"))
public class Invoice {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    private Customer customer;

    private Money total;
}
