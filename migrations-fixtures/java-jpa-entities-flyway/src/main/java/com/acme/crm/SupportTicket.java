package com.acme.crm;

import jakarta.persistence.*;

@Entity
@Table(name = "support_tickets")
public class SupportTicket {
    @Id
    @Column(name = "id")
    private Long id;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Column(name = "subject")
    private String subject;
}
