package com.acme.billing;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** Who changed a row and when: each entity below names the columns through overrides. */
@MappedSuperclass
public abstract class Tracked {
    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at")
    private Instant updatedAt;
}
