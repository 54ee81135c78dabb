CREATE TABLE public.orgs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.apps (
    app_id text PRIMARY KEY,
    owner_org uuid NOT NULL REFERENCES public.orgs (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
