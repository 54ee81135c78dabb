create extension if not exists vector with schema extensions;

create table public.documents (
  id bigint generated always as identity primary key,
  body text not null,
  embedding extensions.vector(3) not null
);

create function public.match_documents(query_embedding extensions.vector(3), match_count integer default 10)
returns setof public.documents
language sql stable
as $$ select * from public.documents order by embedding <-> query_embedding limit match_count $$;

create function public.archive_document(document_id bigint)
returns void
language sql
as $$ delete from public.documents where id = document_id $$;
