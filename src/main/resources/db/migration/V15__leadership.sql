-- Leader case packages (领导包案) and leaders' reception duty (领导接访 / 下访), issue 5.
-- A package's plan steps are assigned duties (task); a step is done when its task is done.
create table leader_package (
  id                varchar(36)   primary key,
  title             varchar(200)  not null,
  leader            varchar(64)   not null,
  leader_org        varchar(64)   not null references organisation (id),
  receiving_org     varchar(64)   not null references organisation (id),
  handling_org      varchar(64)   not null references organisation (id),
  status            varchar(20)   not null,
  taken_on          date          not null,
  ended_on          date,
  resolution_how    varchar(10000),
  agreement         boolean,
  commitment_signed boolean,
  help_given        varchar(2000),
  closed_reason     varchar(2000)
);
create index ix_leader_package_leader on leader_package (leader, status);

create table leader_package_petition (
  package_id   varchar(36) not null references leader_package (id),
  petition_id  varchar(36) not null references petition (id),
  primary key (package_id, petition_id)
);
create index ix_leader_package_petition on leader_package_petition (petition_id);

create table leader_package_step (
  id          varchar(36)  primary key,
  package_id  varchar(36)  not null references leader_package (id),
  seq         integer      not null,
  title       varchar(500) not null,
  owed_by     varchar(64)  not null references organisation (id),
  due         date         not null,
  task_id     varchar(36)  not null references task (id)
);
create index ix_leader_package_step on leader_package_step (package_id, seq);

create table leader_package_report (
  id              varchar(36)    primary key,
  package_id      varchar(36)    not null references leader_package (id),
  reported_on     date           not null,
  reported_by     varchar(64)    not null,
  organisation_id varchar(64),
  text            varchar(10000) not null
);
create index ix_leader_package_report on leader_package_report (package_id, reported_on);

-- every act on a package; never updated or deleted
create table leader_package_event (
  id              varchar(36)    primary key,
  package_id      varchar(36)    not null references leader_package (id),
  seq             integer        not null,
  act             varchar(30)    not null,
  actor           varchar(64)    not null,
  organisation_id varchar(64),
  at              timestamp with time zone not null,
  on_date         date           not null,
  basis           varchar(200)   not null,
  detail          varchar(10000)
);
create unique index ix_leader_package_event on leader_package_event (package_id, seq);

-- the duty roster: a leader receiving visitors (RECEPTION) or going out to them (VISIT_OUT)
create table reception_duty (
  id              varchar(36)   primary key,
  kind            varchar(20)   not null,
  duty_date       date          not null,
  place           varchar(200)  not null,
  destination     varchar(200),
  leader          varchar(64)   not null,
  organisation_id varchar(64)   not null references organisation (id),
  created_by      varchar(64)   not null,
  created_at      timestamp with time zone not null
);
create index ix_reception_duty_date on reception_duty (organisation_id, duty_date);

-- what happened on a duty day: one record per roster entry
create table reception (
  duty_id      varchar(36)    primary key references reception_duty (id),
  held_on      date           not null,
  visitors     integer        not null,
  names        varchar(2000),
  notes        varchar(10000),
  recorded_by  varchar(64)    not null,
  recorded_at  timestamp with time zone not null
);

create table reception_petition (
  duty_id      varchar(36) not null references reception_duty (id),
  petition_id  varchar(36) not null references petition (id),
  outcome      varchar(20) not null,
  primary key (duty_id, petition_id)
);

create table reception_event (
  id              varchar(36)    primary key,
  duty_id         varchar(36)    not null references reception_duty (id),
  seq             integer        not null,
  act             varchar(30)    not null,
  actor           varchar(64)    not null,
  organisation_id varchar(64),
  at              timestamp with time zone not null,
  on_date         date           not null,
  basis           varchar(200)   not null,
  detail          varchar(10000)
);
create unique index ix_reception_event on reception_event (duty_id, seq);
