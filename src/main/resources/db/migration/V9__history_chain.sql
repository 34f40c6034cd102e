-- Every history event is chained to the one before it (SHA-256 over its fields and the previous
-- hash). Rows written before this migration are chained by the application at start-up.
alter table petition_event add column prev_hash varchar(64);
alter table petition_event add column hash varchar(64);
