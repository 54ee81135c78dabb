package com.acme.fleet;

import jakarta.persistence.*;

// Joined: each subclass has a table of its own with its own fields, joined to vehicles by id.
@Entity
@Table(name = "vehicles")
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String plate;
}
