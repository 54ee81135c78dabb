package com.acme.billing;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BillingRepository extends JpaRepository<Invoice, Long> {
    Payment findPaymentById(Long id);
}
