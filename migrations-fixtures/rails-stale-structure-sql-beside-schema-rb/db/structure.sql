-- A dump from the days of the old loan system, still in the tree.
CREATE TABLE public.books (
    id bigint NOT NULL,
    title character varying NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE TABLE public.loans (
    id bigint NOT NULL,
    book_id bigint NOT NULL,
    due_on date
);

INSERT INTO "schema_migrations" (version) VALUES
('20240101000000');
