-- Material policy changes announced by email: each version once, to every verified address.
create table policy_announcements (
  document     text        not null,
  version      text        not null,
  announced_at timestamptz not null,
  recipients   bigint      not null default 0,
  primary key (document, version)
);
