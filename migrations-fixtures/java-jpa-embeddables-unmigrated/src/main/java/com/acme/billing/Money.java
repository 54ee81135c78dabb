package com.acme.billing;

import jakarta.persistence.Embeddable;

@Embeddable
public class Money {
    private Long amountCents;
    private String currency;
}
