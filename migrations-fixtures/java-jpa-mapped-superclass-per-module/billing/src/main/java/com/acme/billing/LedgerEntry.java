package com.acme.billing;

import jakarta.persistence.*;

@Entity
@Table(name = "ledger_entries")
public class LedgerEntry extends BaseEntity {
    private Long amountCents;
}
