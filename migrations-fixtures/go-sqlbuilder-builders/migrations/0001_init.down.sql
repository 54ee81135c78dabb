DROP TABLE bookmark_tag; DROP TABLE tag; DROP TABLE bookmark;
