UPDATE notes SET title = NULL WHERE title = '';
