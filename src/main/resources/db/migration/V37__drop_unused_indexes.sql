-- Two indexes no query reads, dropped (issue 7, eighth session).
--
-- ix_petition_event_on (V3): the history is read by petition (petition_id, seq) and nowhere by its
-- day; the index cost every history event an entry (on a decade's record, tens of millions).
-- ix_petition_complexity (V14): no query selects petitions by their complexity (escalation
-- travels as a task); the entry moved on every acceptance and kept that update of the petition row
-- from being a HOT update on PostgreSQL.
drop index if exists ix_petition_event_on;
drop index if exists ix_petition_complexity;

-- a bulk load stopped half-way recorded the indexes it dropped, to build them again at start-up:
-- not these any more
delete from deferred_ddl where name in ('ix_petition_event_on', 'ix_petition_complexity');
