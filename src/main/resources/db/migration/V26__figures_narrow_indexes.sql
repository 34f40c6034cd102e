-- Issue 6, measured at 1,000,000 petitions after V25: the wide index made the plain volume counts
-- (and the five-year trend) read 2.5 times the index pages they need. Volume and repeats read a
-- narrow index again; the breakdowns by channel, category and region their own wide one. Both end
-- with the petition id, so a reader's accusation bar is checked from the index.
drop index ix_figure_fact_received;
create index ix_figure_fact_received on figure_fact
  (received_by, received_on, persons, repeat_of, petition_id);
create index ix_figure_fact_received_kind on figure_fact
  (received_by, received_on, channel, category, region_code, persons, petition_id);

-- top organs by overdue: the open duties past due, with the petition id for the accusation bar
drop index ix_figure_duty_open;
create index ix_figure_duty_open on figure_duty (done_on, owed_by, due, petition_id);
