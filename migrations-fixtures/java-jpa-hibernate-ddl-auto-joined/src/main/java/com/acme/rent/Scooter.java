package com.acme.rent;

import jakarta.persistence.*;

// JOINED: Hibernate gives the subclass a table of its own, scooter, at start-up.
@Entity
public class Scooter extends Product {
    @Column(name = "battery_level")
    private int batteryLevel;
}
