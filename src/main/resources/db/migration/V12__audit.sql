-- A record nobody can quietly change (issue 4, docs/audit.md).
--
-- Each history row names the algorithm of its chain link (SHA-256 or SM3); the rows written before
-- keep SHA-256. The petition row carries the head of its history chain (how many events and the
-- last one's hash), written in the same transaction as the events, so that a deleted last event
-- is found. The application fills both for existing petitions at start-up.
alter table petition_event add column algorithm varchar(16) default 'SHA-256' not null;
alter table petition add column history_events integer;
alter table petition add column history_head varchar(64);

-- The attachments of a petition form a chain of their own: each row's link covers its recorded
-- fields (its SHA-256 among them) and the link of the attachment before it; the head of each
-- petition's attachment chain is kept in attachment_head.
alter table attachment add column seq integer;
alter table attachment add column algorithm varchar(16) default 'SHA-256' not null;
alter table attachment add column prev_hash varchar(64);
alter table attachment add column hash varchar(64);
create unique index ux_attachment_seq on attachment (petition_id, seq);
create table attachment_head (
  petition_id   varchar(36)  primary key references petition (id),
  attachments   integer      not null,
  head_hash     varchar(64)  not null
);

-- Anchors: now and then (POST /api/audit/anchors, or the verification command) the heads of every
-- chain that moved since the last anchor are recorded, and a digest over them and the previous
-- anchor's digest is written; the digest is meant to be copied out of the database (printed,
-- exported by GET /api/audit/anchors) so that rewriting history and anchors together is found.
create table audit_anchor (
  id            bigint       primary key,
  created_at    timestamp with time zone not null,
  algorithm     varchar(16)  not null,
  heads         integer      not null,
  prev_digest   varchar(64)  not null,
  digest        varchar(64)  not null
);
create table audit_anchor_head (
  anchor_id     bigint       not null references audit_anchor (id),
  chain         varchar(16)  not null,
  petition_id   varchar(36)  not null,
  seq           integer      not null,
  hash          varchar(64)  not null,
  primary key (anchor_id, chain, petition_id)
);
create index ix_audit_anchor_head on audit_anchor_head (chain, petition_id, seq);
