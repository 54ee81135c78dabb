CREATE TABLE tag (id serial PRIMARY KEY, label text NOT NULL);
CREATE TABLE post (id serial PRIMARY KEY, title text NOT NULL);
CREATE TABLE post_tags_tag (
  post_id integer NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  tag_id integer NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  PRIMARY KEY (post_id, tag_id)
);

CREATE TABLE category (slug text PRIMARY KEY, name text NOT NULL);
CREATE TABLE article (id serial PRIMARY KEY, headline text NOT NULL);
CREATE TABLE article_categories_category (
  "articleId" integer NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  "categorySlug" text NOT NULL REFERENCES category (slug) ON DELETE CASCADE,
  PRIMARY KEY ("articleId", "categorySlug")
);
