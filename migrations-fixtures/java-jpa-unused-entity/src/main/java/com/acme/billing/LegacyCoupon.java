package com.acme.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** LegacyCoupon rows are no longer read: no repository, query or relation names this class. */
@Entity
@Table(name = "legacy_coupon")
public class LegacyCoupon {
    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "code")
    private String code;

    @Column(name = "expires_on")
    private LocalDate expiresOn;
}
