DROP TABLE book_tags; DROP TABLE books;
