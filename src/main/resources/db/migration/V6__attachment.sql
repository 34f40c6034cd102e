-- Scanned attachments of a petition (letters, evidence): PDF and images. The bytes live in files
-- under the data directory (attachments/), named by their SHA-256 (content-addressed); the hash is
-- checked again on every read.
create table attachment (
  id            varchar(36)   primary key,
  petition_id   varchar(36)   not null references petition (id),
  filename      varchar(255)  not null,
  content_type  varchar(100)  not null,
  size          bigint        not null,
  sha256        varchar(64)   not null,
  pages         integer,
  uploaded_by   varchar(64)   not null,
  uploaded_at   timestamp with time zone not null
);
create index ix_attachment_petition on attachment (petition_id, uploaded_at);
