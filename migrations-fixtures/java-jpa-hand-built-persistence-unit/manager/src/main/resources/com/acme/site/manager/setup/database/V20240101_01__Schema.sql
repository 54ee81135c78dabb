create table ASSET (
  ID          varchar(22)              not null,
  NAME        varchar(1023)            not null,
  ASSET_TYPE  varchar(255)             not null,
  PARENT_ID   varchar(22),
  CREATED_ON  timestamp with time zone not null,
  primary key (ID)
);

create table RULESET (
  ID          bigint        not null,
  NAME        varchar(255)  not null,
  RULES       text          not null,
  ENABLED     boolean       not null default true,
  primary key (ID)
);
