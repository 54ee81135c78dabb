package com.acme.billing;

import java.math.BigDecimal;
import jakarta.persistence.*;

// The root of a single-table hierarchy: every subclass's rows are in payments, told apart by kind.
@Entity
@Table(name = "payments")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class Payment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private BigDecimal amount;

    @Column(name = "paid_on")
    private java.time.LocalDate paidAt;
}
