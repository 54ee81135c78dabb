package com.acme.ledger.account;

public interface LedgerNames {
    String UNUSED = "not_a_constant_the_index_reads";
}
