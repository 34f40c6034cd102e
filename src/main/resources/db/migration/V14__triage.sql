-- Issue 5: triage at acceptance (SIMPLE / GENERAL / DIFFICULT) as a projection of the history,
-- for lists and figures; repeat links made after registration also move repeat_of.
alter table petition add column complexity varchar(10);
create index ix_petition_complexity on petition (complexity);
