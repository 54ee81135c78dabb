package com.acme.ledger.common;

import static com.acme.ledger.common.AuditColumns.CREATED_BY;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

@MappedSuperclass
public abstract class Auditable {
    @Column(name = CREATED_BY, nullable = false)
    private String createdBy;

    @Column(name = AuditColumns.CREATED_AT, nullable = false)
    private Instant createdAt;

    // Built from two constants: not a plain literal, so not resolved (and not the field's name).
    @Column(name = AuditColumns.UPDATED_BY)
    private String lastEditor;
}
