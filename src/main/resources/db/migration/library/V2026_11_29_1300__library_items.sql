-- The library's own index of a user's outputs and uploads: what the grid filters, searches,
-- sorts and pages through. Kept in step with the generation and media modules by their events;
-- no foreign keys into their tables (modules own their tables).
create table library_items (
  id          uuid primary key,
  user_id     uuid        not null,
  source      text        not null check (source in ('OUTPUT', 'UPLOAD')),
  kind        text        not null check (kind in ('VIDEO', 'IMAGE', 'AUDIO')),
  status      text        not null check (status in ('QUEUED', 'IN_PROGRESS', 'COMPLETED', 'FAILED')),
  model       text,
  prompt      text        not null default '',
  seconds     int,
  width       int,
  height      int,
  duration_ms bigint,
  bytes       bigint,
  created_at  timestamptz not null,
  prompt_words tsvector generated always as (to_tsvector('simple', prompt)) stored
);
-- keyset pages, newest or oldest first, per user and tab
create index library_items_page_idx on library_items (user_id, source, created_at desc, id desc);
create index library_items_words_idx on library_items using gin (prompt_words);

-- A secret shared by every node, made once: signs the short-lived media links.
create table library_secrets (
  name  text primary key,
  value bytea not null
);
