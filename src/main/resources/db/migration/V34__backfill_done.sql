-- The start-up backfills done once and for all (issue 7: at 10,000,000 petitions, looking for
-- history rows left unchained read 56 million events, 15-60 s, at every start of every instance).
-- Every writer since V9 chains its rows and since V10 seals identity numbers, so once a backfill
-- has found nothing left, or finished, it need never look again.
create table backfill_done (
  name     varchar(60)   primary key,
  done_at  timestamp with time zone not null
);
