-- Written notices (书面告知; NOTICES.md): one row per notice an act required. The content is the
-- JSON snapshot of everything the document prints; the PDF is rendered on first request and kept
-- with its SHA-256, immutable afterwards. bytea is PostgreSQL's binary type and an H2 alias of
-- VARBINARY, so the same migration runs on both.
create table notice (
  id               varchar(36)      primary key,
  petition_id      varchar(36)      not null references petition (id),
  kind             varchar(30)      not null,
  status           varchar(10)      not null,
  act_seq          integer          not null,
  document_number  varchar(100),
  issued_on        date,
  issued_by_org    varchar(64)      not null references organisation (id),
  content          varchar(1000000) not null,
  created_at       timestamp with time zone not null,
  pdf              bytea,
  sha256           varchar(64),
  rendered_at      timestamp with time zone,
  constraint uq_notice_document_number unique (issued_by_org, document_number)
);
create index ix_notice_petition on notice (petition_id, act_seq);

-- 文号 serials: one per organ, type code and year (row-locked update, as petition numbers)
create table notice_number_sequence (
  organisation_id  varchar(64)  not null references organisation (id),
  type_code        varchar(20)  not null,
  number_year      integer      not null,
  last_serial      integer      not null,
  primary key (organisation_id, type_code, number_year)
);
