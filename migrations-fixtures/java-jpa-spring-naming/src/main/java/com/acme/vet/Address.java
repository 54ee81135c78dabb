package com.acme.vet;

import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    private String streetLine;
    private String city;
}
