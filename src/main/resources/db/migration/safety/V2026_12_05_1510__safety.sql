-- Safety: the operator's list of blocked terms, the screening settings, the blocks recorded
-- (strikes), each account's fair-use state, and the shared rate-limit buckets (bucket4j).

create table safety_terms (
  id         bigint generated always as identity primary key,
  category   text        not null,
  pattern    text        not null,
  is_regex   boolean     not null default false,
  created_at timestamptz not null default now(),
  unique (category, pattern)
);

-- one row: what the operator chose in the console (defaults come from configuration until then)
create table safety_settings (
  id              int primary key check (id = 1),
  fail_closed     boolean     not null,
  keep_prompts    boolean     not null,
  updated_at      timestamptz not null default now()
);

-- a refused request: who, why, when; the prompt only when the operator keeps them for review
create table safety_blocks (
  id         bigint generated always as identity primary key,
  user_id    uuid        not null,
  source     text        not null check (source in ('screening', 'platform')),
  category   text        not null,
  screener   text        not null,
  prompt     text,
  created_at timestamptz not null
);
create index safety_blocks_user_idx on safety_blocks (user_id, created_at desc);
create index safety_blocks_created_idx on safety_blocks (created_at);

-- an account's fair-use state: its queue priority and whether its submissions are suspended
create table safety_accounts (
  user_id           uuid primary key,
  priority          int         not null default 0 check (priority between -10 and 10),
  suspended_at      timestamptz,
  suspension_reason text,
  reinstated_at     timestamptz, -- strikes before it no longer count
  updated_at        timestamptz not null default now()
);

-- bucket4j's rate-limit buckets, shared by every node
create table safety_rate_buckets (
  id         text primary key,
  state      bytea,
  expires_at bigint
);
create index safety_rate_buckets_expires_idx on safety_rate_buckets (expires_at);

-- the built-in list: sexual content involving children, in either order of the words
insert into safety_terms (category, pattern, is_regex) values
  ('sexual/minors', '\m(child|children|kid|kids|minor|minors|underage|preteen|preteens|toddler|toddlers)\M.{0,40}\m(nude|naked|sexual|sexy|porn|explicit|nsfw)\M', true),
  ('sexual/minors', '\m(nude|naked|sexual|sexy|porn|explicit|nsfw)\M.{0,40}\m(child|children|kid|kids|minor|minors|underage|preteen|preteens|toddler|toddlers)\M', true);
