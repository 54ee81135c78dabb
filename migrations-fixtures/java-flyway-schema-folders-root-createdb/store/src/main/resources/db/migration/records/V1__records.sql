create table patient_record
(
    id           uuid default uuid_generate_v4() not null primary key,
    tenant_id    smallint                        not null,
    subject_id   text                            not null,
    created_at   timestamp with time zone        not null default now()
);

create table record_entry
(
    id          uuid                     not null primary key,
    record_id   uuid                     not null references patient_record (id),
    archetype   text                     not null,
    sys_version integer                  not null
);
