-- Assigned duties (待办) beside the statutory ones: joint-conference decisions, case-package plan
-- steps, supervision orders. Closed when done; never deleted.
create table task (
  id           varchar(36)   primary key,
  source       varchar(30)   not null,
  source_id    varchar(64),
  petition_id  varchar(36)   references petition (id),
  owed_by      varchar(64)   not null references organisation (id),
  title        varchar(500)  not null,
  basis        varchar(200),
  due          date          not null,
  created_by   varchar(64)   not null,
  created_at   timestamp with time zone not null,
  done_on      date,
  done_by      varchar(64),
  outcome      varchar(10000),
  cancelled    boolean       not null
);
create index ix_task_owed_open on task (owed_by, done_on, due);
create index ix_task_source on task (source, source_id);
create index ix_task_petition on task (petition_id);
