package com.acme.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity(name = "Audit")
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "action")
    private String action;

    @Column(name = "actor")
    private String actor;
}
