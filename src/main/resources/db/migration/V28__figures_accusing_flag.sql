-- Issue 6, measured at 1,000,000 petitions: a reader with an accusation bar (条例 Art. 30 para. 3)
-- paid an anti-join per counted row (the on-time notice rate of a city-year: 181 ms against the
-- administrator's 107). Whether a petition names an accused organisation is now in every index the
-- figures count over, so the bar is looked up only for the petitions that name one.
alter table figure_duty add column accuses_organisation boolean default false not null;
update figure_duty set accuses_organisation = true where petition_id in
  (select petition_id from accused where organisation_id is not null and organisation_id <> '');

drop index ix_figure_fact_received;
create index ix_figure_fact_received on figure_fact
  (received_by, received_on, persons, repeat_of, accuses_organisation, petition_id);
drop index ix_figure_fact_received_kind;
create index ix_figure_fact_received_kind on figure_fact
  (received_by, received_on, channel, category, region_code, persons, accuses_organisation,
   petition_id);
drop index ix_figure_fact_concluded;
create index ix_figure_fact_concluded on figure_fact
  (concluded_by, concluded_on, repeat_of, opinion_given, rating, resolved, concluded_day,
   first_repeat_day, accuses_organisation, petition_id);
drop index ix_figure_duty_owed;
create index ix_figure_duty_owed on figure_duty
  (owed_by, duty, due, done_on, done_act, accuses_organisation, petition_id);
