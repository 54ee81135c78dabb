package com.acme.orders;

import java.time.Instant;
import jakarta.persistence.*;

// Each service has a BaseEntity of its own: these columns are the orders service's tables'.
@MappedSuperclass
public abstract class BaseEntity {
    @Id
    private Long id;

    private Instant createdAt;
}
