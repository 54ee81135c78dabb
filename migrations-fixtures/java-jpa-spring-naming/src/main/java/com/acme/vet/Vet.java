package com.acme.vet;

import jakarta.persistence.*;

@Entity
@Table(name = "vets")
public class Vet extends Person {
    private String licenseNo;
}
