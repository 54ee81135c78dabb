package com.acme.shop.sales;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SalesRepository extends JpaRepository<Customer, Long> {
    List<Invoice> findInvoicesByNumber(String number);
}
