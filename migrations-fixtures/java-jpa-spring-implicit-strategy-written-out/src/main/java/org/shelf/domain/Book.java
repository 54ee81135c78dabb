package org.shelf.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "book")
public class Book {
    @Id
    private Long id;

    private String title;

    // Derived name shelf_code: no migration adds it.
    private String shelfCode;
}
