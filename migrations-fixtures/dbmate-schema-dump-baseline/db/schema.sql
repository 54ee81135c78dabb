\restrict 4kP0dQmXvW2bZs8rT1yUe6nLcA9hJfG3
SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.schema_migrations (
    version character varying NOT NULL
);

CREATE TABLE public.subscriptions (
    id bigint NOT NULL,
    customer_email text NOT NULL,
    plan text NOT NULL,
    renews_on date
);

CREATE SEQUENCE public.subscriptions_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;

ALTER SEQUENCE public.subscriptions_id_seq OWNED BY public.subscriptions.id;

ALTER TABLE ONLY public.subscriptions ALTER COLUMN id SET DEFAULT nextval('public.subscriptions_id_seq'::regclass);

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT subscriptions_pkey PRIMARY KEY (id);

\unrestrict 4kP0dQmXvW2bZs8rT1yUe6nLcA9hJfG3

--
-- Dbmate schema migrations
--

INSERT INTO public.schema_migrations (version) VALUES
    ('20230104101500'),
    ('20230220083000');
