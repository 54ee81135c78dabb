package com.acme.bank;

import java.math.BigDecimal;
import jakarta.persistence.*;

// Table per class: each concrete subclass's table repeats these columns; the abstract root has no table.
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Account {
    @Id
    private Long id;

    private String owner;

    @Column(name = "balance_cents")
    private BigDecimal balance;
}
