create table ASSET (
  ID         varchar(22)              not null,
  NAME       varchar(1023)            not null,
  REALM      varchar(255)             not null,
  CREATED_ON timestamp with time zone not null,
  primary key (ID)
);

create table ASSET_DATAPOINT (
  TIMESTAMP      timestamp    not null,
  ENTITY_ID      varchar(22)  not null,
  ATTRIBUTE_NAME varchar(255) not null,
  VALUE          jsonb        not null,
  primary key (TIMESTAMP, ENTITY_ID, ATTRIBUTE_NAME)
);
