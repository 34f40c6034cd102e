-- The deadline watch records changes, not snapshots (issue 7: the sweep in seconds at ten million
-- petitions). A watch day writes a watch_level row only for a duty whose level, due date or owing
-- organ changed since the day recorded before it, a row for a duty newly open, and a row with
-- level_code 'CLOSED' for a duty no longer open. A duty's level on a recorded day is its latest
-- row on or before that day (none, or CLOSED: not open that day); its working days are counted
-- on reading from its due date and that day.

-- the open duties as of the latest recorded day: the base the next day's changes are taken against
create table watch_state (
  ref           varchar(80)   primary key,
  source        varchar(10)   not null,
  petition_id   varchar(36),
  duty          varchar(60)   not null,
  owed_by       varchar(64)   not null,
  due           date          not null,
  level_code    varchar(10)   not null,
  grade         varchar(10),
  task_id       varchar(36),
  since         date          not null
);
create index ix_watch_state_duty on watch_state (petition_id, duty);
create index ix_watch_state_task on watch_state (task_id);

-- a duty's rows in day order: its level on a day is the latest one on or before it
create index ix_watch_level_ref on watch_level (ref, watch_day);

-- one row, locked by every run, so that runs (scheduled, by hand, back-filled) take turns
create table watch_lock (
  id integer primary key
);
insert into watch_lock (id) values (1);

-- the snapshots recorded so far become changes: a duty in one day's snapshot and not in the next
-- recorded day's was closed on that next day
insert into watch_level (watch_day, ref, source, petition_id, duty, owed_by, due, level_code,
  grade, working_days)
select r.watch_day, w.ref, w.source, w.petition_id, w.duty, w.owed_by, w.due, 'CLOSED', null, 0
from watch_run r
join watch_level w
  on w.watch_day = (select max(q.watch_day) from watch_run q where q.watch_day < r.watch_day)
where not exists (
  select 1 from watch_level x where x.watch_day = r.watch_day and x.ref = w.ref);

insert into watch_state (ref, source, petition_id, duty, owed_by, due, level_code, grade, task_id,
  since)
select ref, source, petition_id, duty, owed_by, due, level_code, grade,
  case when source = 'TASK' then substr(ref, 6) end, watch_day
from watch_level
where watch_day = (select max(watch_day) from watch_run) and level_code <> 'CLOSED';
