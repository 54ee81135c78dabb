package com.acme.billing;

import jakarta.persistence.*;

// No @Inheritance: JPA's default is a single table, and without @DiscriminatorColumn its column is DTYPE.
@Entity
public class Reminder {
    @Id
    private Long id;

    private String note;
}
