package com.acme.billing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentRepository extends JpaRepository<Payment, Long> {
    List<CardPayment> findCardPaymentsByCardBrand(String brand);
    List<BankTransfer> findBankTransfersByIban(String iban);
    List<EmailReminder> findEmailRemindersByAddress(String address);
}
