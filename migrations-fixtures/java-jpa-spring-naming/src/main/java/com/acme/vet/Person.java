package com.acme.vet;

import jakarta.persistence.*;

@MappedSuperclass
public class Person {
    @Id
    private Long id;
    private String firstName;
}
