package com.acme.billing;

public final class BillingColumns {
    public static final String ISSUER = "issued_by";
    public static final String CHANGED = "changed_at";
    public static final String PREFIX = "pay_";
    public static final String PAYER = PREFIX + "payer";

    private BillingColumns() {}
}
