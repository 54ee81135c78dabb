package com.acme.vet;

import java.time.LocalDate;
import java.util.List;
import jakarta.persistence.*;

@Entity(name = "ClinicVisit")
public class Visit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private LocalDate visitDate;

    private String visitNotes;

    @ManyToOne
    private PetType petType;

    @ManyToOne
    @JoinColumn(name = "vet_id")
    private Vet vet;

    private Address billingAddress;

    @Transient
    private String summaryLine;

    @ElementCollection
    private List<String> tags;

    private static final long serialVersionUID = 1L;
}
