-- Issue 6, measured at 1,000,000 petitions: the five-year trend of a city read 80% of the record
-- (a sequential scan, 400–600 ms). Volumes are now also kept per receiving organisation and day
-- (at most 366 rows per organisation and year, whatever the volume), for the petitions that name
-- no accused organisation: those are never hidden from any reader (条例 Art. 30 para. 3), so one
-- row serves every reader. Petitions that name an accused organisation are counted from their
-- facts with the reader's bar, through their own index. FactStore keeps the rows with every write
-- of facts (the difference between the facts replaced and the facts written).
alter table figure_fact add column accuses_organisation boolean default false not null;
update figure_fact set accuses_organisation = true where petition_id in
  (select petition_id from accused where organisation_id is not null and organisation_id <> '');
create index ix_figure_fact_accusing on figure_fact
  (accuses_organisation, received_by, received_on, persons, petition_id);

create table figure_volume_day (
  received_by   varchar(64) not null,
  received_day  integer     not null,
  batches       bigint      not null,
  persons       bigint      not null,
  primary key (received_by, received_day)
);
insert into figure_volume_day (received_by, received_day, batches, persons)
select received_by, received_day, count(*), sum(persons) from figure_fact
where accuses_organisation = false group by received_by, received_day;
