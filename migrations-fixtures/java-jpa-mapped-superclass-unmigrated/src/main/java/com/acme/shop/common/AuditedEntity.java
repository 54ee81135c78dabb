package com.acme.shop.common;

import jakarta.persistence.MappedSuperclass;

@MappedSuperclass
public abstract class AuditedEntity<ID extends java.io.Serializable> extends BaseEntity<ID> {
    private String createdBy;
}
