-- Refunds, invoice numbers, one account per e-mail address, labels for statements.
ALTER TYPE order_status ADD VALUE 'refunded';

CREATE SEQUENCE invoice_numbers;

CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

CREATE FUNCTION account_label(account_id bigint, prefix text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT prefix || account_id::text $$;
