package com.acme.billing;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerRepository extends JpaRepository<Customer, Long> {}

interface InvoiceRepository extends JpaRepository<Invoice, Long> {}

interface OrderLineRepository extends JpaRepository<OrderLine, OrderLineId> {}
