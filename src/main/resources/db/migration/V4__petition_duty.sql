-- What is owed now on every petition (a projection of the history, rewritten with every act and
-- when a holiday notice is loaded): the work lists read it, soonest due first.
create table petition_duty (
  petition_id  varchar(36)  not null references petition (id),
  duty         varchar(30)  not null,
  due          date         not null,
  owed_by      varchar(64),
  basis        varchar(200) not null,
  provisional  boolean      not null,
  optional     boolean      not null,
  paused       boolean      not null,
  primary key (petition_id, duty)
);
create index ix_petition_duty_owed_due on petition_duty (owed_by, due);
create index ix_petition_duty_due on petition_duty (due);
