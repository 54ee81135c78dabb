package com.acme.bank;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, Long> {
    List<SavingsAccount> findSavingsAccountsByOwner(String owner);
    List<CheckingAccount> findCheckingAccountsByOwner(String owner);
}
