<?php
// Invoices, from the old billing screen.
function unpaid_accounts(PDO $db): array {
    $sql = <<<SQL
        SELECT id, email, plan FROM accounts WHERE plan <> 'free'
        SQL;
    return $db->query($sql)->fetchAll();
}
