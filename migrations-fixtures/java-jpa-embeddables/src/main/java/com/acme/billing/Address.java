package com.acme.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

// Hibernate maps these to columns of each embedding entity's table, named after the fields
// (no prefix under Spring Boot's naming) unless the entity overrides them.
@Embeddable
public class Address {
    private String street;

    private String city;

    @Column(name = "zip")
    private String postalCode;

    private transient String formatted;
}
