package com.acme.billing;

import java.time.Instant;
import jakarta.persistence.*;

@MappedSuperclass
public abstract class BaseEntity {
    @Id
    private Long id;

    private Instant bookedAt;
}
