package com.acme.bank;

import java.math.BigDecimal;
import jakarta.persistence.*;

@Entity
@Table(name = "savings_accounts")
public class SavingsAccount extends Account {
    private BigDecimal interestRate;
}
