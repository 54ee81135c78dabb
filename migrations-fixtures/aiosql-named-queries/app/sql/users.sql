-- name: get-all-greetings
-- Get all the greetings in the database
SELECT greeting_id, greeting FROM greetings ORDER BY 1;

-- name: get-user-by-username^
SELECT user_id, username, name FROM users WHERE username = :username;

-- name: get-user-count$
SELECT count(*) FROM users

-- name: create-user<!
INSERT INTO users (username, name) VALUES (:username, :name) RETURNING user_id;

-- name: insert-greetings*!
INSERT INTO greetings (greeting) VALUES (:greeting);

-- name: search-users
-- The caller fills in the filter: aiosql-style query templates.
SELECT user_id, username FROM users WHERE %where% ORDER BY %order%;

-- name: deactivate-user!
UPDATE users SET active = false WHERE user_id = :user_id;
