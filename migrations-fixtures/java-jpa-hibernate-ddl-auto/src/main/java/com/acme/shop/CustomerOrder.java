package com.acme.shop;

import java.math.BigDecimal;
import jakarta.persistence.*;

@Entity
@Table(name = "customer_orders")
public class CustomerOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    private BigDecimal total;

    // No migration adds it: with ddl-auto=update Hibernate adds it when the service starts.
    private String giftNote;
}
