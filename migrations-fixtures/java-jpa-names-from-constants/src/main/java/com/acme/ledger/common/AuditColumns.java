package com.acme.ledger.common;

/** Column names shared by every audited table. */
public final class AuditColumns {
    public static final String CREATED_BY = "created_by";
    public static final String CREATED_AT = "created_at";
    public static final String PREFIX = "audit_";
    public static final String UPDATED_BY = PREFIX + "updated_by";

    private AuditColumns() {}
}
