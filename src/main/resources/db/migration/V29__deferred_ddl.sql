-- Secondary indexes and foreign keys a bulk load (the generator with
-- --xinfang.generate.defer-indexes=true, on PostgreSQL) dropped before writing and builds again
-- after: kept here first, so that a load stopped half-way loses none of them (the application
-- builds whatever is listed when it starts).
create table deferred_ddl (
  name varchar(128) primary key,
  table_name varchar(128) not null,
  kind varchar(16) not null,
  definition varchar(4000) not null
);
