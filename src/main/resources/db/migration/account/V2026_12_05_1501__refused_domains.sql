-- Email domains the operator refuses at sign-up and email change (throwaway mail services, say).
create table account_refused_domains (
  domain     text primary key check (domain = lower(domain) and domain not like '@%'),
  reason     text        not null,
  created_at timestamptz not null default now()
);
