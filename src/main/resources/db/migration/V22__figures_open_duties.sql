-- Issue 6 (figures benchmark): the organs with most duties open past due (top overdue, dashboard)
-- read only the open duties. A B-tree holds nulls on H2 and PostgreSQL alike, so "done_on is null
-- and due < today" is a range of this index instead of every duty the subtree ever owed
-- (100,000 petitions, city: 73 ms → 25 ms on PostgreSQL).
create index ix_figure_duty_open on figure_duty (done_on, owed_by, due);
