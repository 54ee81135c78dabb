--
-- A schema written by pg_dump (17.6 and later open and close it with \restrict).
--

\restrict 7yQ2bX1kPzr0LmD4

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.plans (
    id integer NOT NULL,
    name text NOT NULL,
    price_cents integer NOT NULL
);

COPY public.plans (id, name, price_cents) FROM stdin;
1	free	0
2	team	1900
\.

ALTER TABLE ONLY public.plans
    ADD CONSTRAINT plans_pkey PRIMARY KEY (id);

\unrestrict 7yQ2bX1kPzr0LmD4
