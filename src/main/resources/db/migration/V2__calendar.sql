-- The working-day calendar (LAW.md §7): one row per loaded notice year, one row per listed date.
-- A listed date overrides the weekday rule: off_day true is a day off, false a worked weekend (调休).
-- "year" and "day" are quoted: both are keywords in H2 (PostgreSQL accepts either form).
-- calendar_day."year" is the year of the notice that lists the day (the 2023 notice lists 2022-12-31).

create table calendar_year (
    "year"    integer primary key,
    sources   varchar(2000),
    loaded_at timestamp with time zone,
    origin    varchar(40)
);

create table calendar_day (
    "day"   date primary key,
    "year"  integer not null,
    off_day boolean not null,
    name    varchar(40) not null
);

create index calendar_day_year on calendar_day ("year");
