-- The organisation tree (regions, governments, departments, petition bureaus) and its users.
-- Plain types only: runs on H2 (PostgreSQL mode) and PostgreSQL 15.

create table organisation (
  id          varchar(64)  primary key,
  name        varchar(200) not null,
  short_name  varchar(50),
  level       varchar(20)  not null,
  type        varchar(30)  not null,
  parent_id   varchar(64)  references organisation (id),
  region_code varchar(12)  not null,
  line        varchar(40),
  vertical    boolean      not null default false,
  created_at  timestamp with time zone not null
);

create index organisation_parent_idx on organisation (parent_id);

create table app_user (
  username        varchar(64)  primary key,
  password_hash   varchar(200) not null,
  display_name    varchar(100) not null,
  organisation_id varchar(64)  references organisation (id),
  roles           varchar(200) not null,
  enabled         boolean      not null default true,
  created_at      timestamp with time zone not null
);
