CREATE TABLE categories (id bigserial PRIMARY KEY, user_id bigint NOT NULL, title text NOT NULL);
CREATE TABLE feeds (id bigserial PRIMARY KEY, category_id bigint NOT NULL REFERENCES categories (id), parsing_errors int NOT NULL DEFAULT 0);
