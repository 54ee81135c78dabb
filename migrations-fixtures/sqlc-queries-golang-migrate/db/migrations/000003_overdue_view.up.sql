CREATE VIEW circulation.overdue AS
SELECT l.id AS loan_id, m.email, b.title, l.due_at
FROM circulation.loans l
JOIN members m ON m.id = l.member_id
JOIN catalog.books b ON b.id = l.book_id
WHERE l.returned_at IS NULL AND l.due_at < now();
