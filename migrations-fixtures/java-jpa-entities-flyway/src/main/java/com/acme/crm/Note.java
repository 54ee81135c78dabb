package com.acme.crm;

import jakarta.persistence.*;

// No @Table: the table name comes from the naming strategy, so it is not checked.
@Entity
public class Note {
    @Id
    private Long id;
    private String body;
}
