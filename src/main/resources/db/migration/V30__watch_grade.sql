-- The deadline watch's grades of a day, one row per distinct due date of the open duties: the run
-- grades each date once in code (working days on the official calendar) and writes every open
-- duty's level with one insert … select joined to these rows, which it then deletes.
create table watch_grade (
  watch_day     date          not null,
  due           date          not null,
  level_code    varchar(10)   not null,
  grade         varchar(10),
  working_days  integer       not null,
  primary key (watch_day, due)
);
