package catalog

import (
	"fmt"
	"strings"
)

// subqueries builds one IN (...) clause per filter; the numbers come from parsed ints.
func subqueries(tagID, shelfID int, limit uint) string {
	parts := []string{
		fmt.Sprintf(`SELECT book_id FROM book_tags WHERE tag_id=%d`, tagID),
		fmt.Sprintf("SELECT id FROM books WHERE shelf_id = %v LIMIT %d", shelfID, limit),
		// book_tag is a typo for book_tags: still reported.
		fmt.Sprintf(`SELECT book_id FROM book_tag WHERE tag_id=%d`, tagID),
	}
	return strings.Join(parts, " INTERSECT ")
}
