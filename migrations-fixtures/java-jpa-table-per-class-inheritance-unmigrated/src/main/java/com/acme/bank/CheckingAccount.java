package com.acme.bank;

import java.math.BigDecimal;
import jakarta.persistence.Entity;

@Entity
public class CheckingAccount extends Account {
    private BigDecimal overdraftLimit;
}
