CREATE TABLE books (
    id BIGSERIAL PRIMARY KEY,
    title TEXT NOT NULL,
    shelf_id INT NOT NULL
);
CREATE TABLE book_tags (
    book_id BIGINT NOT NULL REFERENCES books (id),
    tag_id INT NOT NULL
);
