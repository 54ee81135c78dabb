package com.acme.vet;

import jakarta.persistence.*;

@Entity
public class PetType {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String displayName;

    @Column(nullable = false)
    private Integer sortOrder;
}
