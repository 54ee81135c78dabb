package com.acme.shop.sales;

import com.acme.shop.common.AuditedEntity;
import jakarta.persistence.*;

@Entity
@Table(name = "customers")
public class Customer extends AuditedEntity<Long> {
    private String displayName;
}
