-- Consent choices of signed-in users: an append-only history; the newest row is the choice.
create table consent_records (
  id          bigserial primary key,
  user_id     uuid        not null,
  version     int         not null,
  preferences boolean     not null,
  analytics   boolean     not null,
  gpc         boolean     not null,
  recorded_at timestamptz not null
);
create index consent_records_user on consent_records (user_id, id desc);

-- Who acknowledged which version of which policy document, and when.
create table policy_acknowledgements (
  user_id         uuid        not null,
  document        text        not null,
  version         text        not null,
  acknowledged_at timestamptz not null,
  primary key (user_id, document, version)
);

-- First-party product analytics, stored only with consent: no user, no IP, no session.
create table analytics_events (
  id          bigserial primary key,
  kind        text        not null,
  path        text        not null,
  occurred_at timestamptz not null
);
create index analytics_events_time on analytics_events (occurred_at);

-- What remains of analytics events after their retention period: counts per day.
create table analytics_daily (
  day   date   not null,
  kind  text   not null,
  path  text   not null,
  count bigint not null,
  primary key (day, kind, path)
);

-- Every run of a retention rule: which category, up to which time, how much it removed.
create table retention_runs (
  id       bigserial primary key,
  category text        not null,
  cutoff   timestamptz not null,
  affected bigint      not null,
  ran_at   timestamptz not null
);
