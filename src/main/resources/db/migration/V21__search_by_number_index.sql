-- Search by number matches the petition number or the external number (p.number = ? or
-- p.external_number = ?): without an index on external_number the OR is a sequential scan of the
-- whole petition table (93 ms at 100,000 petitions on PostgreSQL; 0.1 ms with it).
create index if not exists ix_petition_external_number on petition (external_number);
