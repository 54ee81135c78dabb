package com.acme.orders;

import jakarta.persistence.*;

@Entity
@Table(name = "purchase_orders")
public class PurchaseOrder extends BaseEntity {
    private String reference;
}
