package com.acme.ledger.account;

final class AccountColumns {
    static final String NUMBER = "account_no";
    static final String CURRENCY = "currency_code";
}
