-- Issue 6, Performance at 1,000,000 petitions: each figure becomes one index-only range over the
-- rows of its subtree and period, without visiting the table.
--
-- The first-petition resolution rate (LAW.md §9) asked, for each first petition concluded in the
-- period, whether a repeat naming it was received within the window: a join that grew with every
-- repeat ever recorded. The day the earliest repeat naming a petition was received is now a column
-- of its facts, kept by FactStore whenever a petition's facts (or a repeat's) are written.
alter table figure_fact add column first_repeat_day integer;
update figure_fact set first_repeat_day =
  (select min(r.received_day) from figure_fact r where r.repeat_of = figure_fact.petition_id)
where petition_id in (select f.repeat_of from figure_fact f where f.repeat_of is not null);

-- volume, repeats and the breakdowns by channel, category and region: received_by, received_on
drop index ix_figure_fact_received;
create index ix_figure_fact_received on figure_fact
  (received_by, received_on, channel, category, region_code, persons, repeat_of, petition_id);

-- first-petition resolution, rating, satisfaction, where resolved: concluded_by, concluded_on
drop index ix_figure_fact_concluded;
create index ix_figure_fact_concluded on figure_fact
  (concluded_by, concluded_on, repeat_of, opinion_given, rating, resolved, concluded_day,
   first_repeat_day, petition_id);

-- zero-petition areas: the region codes of the petitions received in a period, by anyone
drop index ix_figure_fact_region;
create index ix_figure_fact_region on figure_fact (received_on, region_code, petition_id);

-- on-time notice and conclusion: with the petition id, a reader's accusation bar is checked from
-- the index too
drop index ix_figure_duty_owed;
create index ix_figure_duty_owed on figure_duty (owed_by, duty, due, done_on, done_act, petition_id);
