package com.acme.ledger.account;

import com.acme.ledger.common.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = Account.TABLE)
public class Account extends Auditable {
    public static final String TABLE = "ledger_accounts";

    @Id
    private Long id;

    @Column(name = AccountColumns.NUMBER, nullable = false)
    private String number;

    @Column(name = AccountColumns.CURRENCY, nullable = false)
    private String currency;

    @Column(name = LedgerNames.UNUSED)
    private String note;
}
