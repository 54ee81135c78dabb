package com.acme.fleet;

import jakarta.persistence.*;

@Entity
@Table(name = "vans")
public class Van extends Vehicle {
    @Column(name = "seats")
    private Integer seatCount;
}
