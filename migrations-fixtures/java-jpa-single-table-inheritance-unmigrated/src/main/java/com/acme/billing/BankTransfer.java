package com.acme.billing;

import jakarta.persistence.*;

@Entity
@DiscriminatorValue("BANK")
public class BankTransfer extends Payment {
    private String iban;

    @Column(name = "bank_code")
    private String sortCode;
}
