package com.acme.fleet;

import jakarta.persistence.Entity;

@Entity
public class Truck extends Vehicle {
    private Integer axleCount;

    private Long payloadKg;
}
