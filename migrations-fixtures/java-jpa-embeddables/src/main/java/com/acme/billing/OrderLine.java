package com.acme.billing;

import jakarta.persistence.*;

@Entity
@Table(name = "order_lines")
public class OrderLine {
    @EmbeddedId
    private OrderLineId id;

    private String sku;
}
