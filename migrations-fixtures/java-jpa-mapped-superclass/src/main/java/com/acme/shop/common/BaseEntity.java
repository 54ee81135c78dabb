package com.acme.shop.common;

import java.io.Serializable;
import java.time.Instant;
import jakarta.persistence.*;

// Every entity's id and timestamps: columns of each entity's own table.
@MappedSuperclass
public abstract class BaseEntity<ID extends Serializable> implements Serializable {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private ID id;

    private Instant createdAt;

    @Column(name = "updated_on")
    private Instant updatedAt;

    @Transient
    private boolean dirty;
}
