package com.acme.shop;

import java.time.Instant;
import jakarta.persistence.*;

// No migration creates this table: Hibernate does, at start-up.
@Entity
public class StockReservation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String sku;

    private Instant reservedUntil;
}
