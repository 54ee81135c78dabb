/*
  @name FindBooksByIds
  @param ids -> (...)
*/
SELECT id, title FROM books WHERE id IN :ids!;

/*
  @name InsertBooks
  @param books -> ((title!, authorId!)...)
*/
INSERT INTO books (title, author_id)
VALUES :books
RETURNING id AS book_id;

/*
  @name UpdateBookTitle
  @param book -> (id!, title!)
*/
UPDATE books SET title = :title! WHERE (id, title) = :book;

/* @name FindBookById */
SELECT * FROM books WHERE id = :id!;

/* @name BooksByRank */
SELECT title, rank FROM books WHERE created_at > :since! AND rank >= :minRank;
