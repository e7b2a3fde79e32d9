-- Outgoing webhooks (Standard Webhooks): an account's endpoints and the log of what was sent to
-- them. A delivery keeps the event it carries (a video id, never a prompt) for retries and resends;
-- responses' bodies are never kept.
create table webhook_endpoints (
  id                  uuid        primary key,
  user_id             uuid        not null,
  url                 text        not null,
  events              text[]      not null,
  secret              text        not null,
  previous_secret     text,
  previous_valid_until timestamptz,
  created_at          timestamptz not null default now()
);
create index webhook_endpoints_user_idx on webhook_endpoints (user_id);

create table webhook_deliveries (
  id               text        primary key,
  endpoint_id      uuid        not null references webhook_endpoints (id) on delete cascade,
  user_id          uuid        not null,
  event_type       text        not null,
  video_id         text        not null,
  payload          text        not null,
  status           text        not null check (status in ('pending', 'delivered', 'failed')),
  attempts         int         not null default 0,
  last_status_code int,
  last_error       text,
  created_at       timestamptz not null default now(),
  last_attempt_at  timestamptz,
  delivered_at     timestamptz,
  -- an event reaches an endpoint once, however often its notice is handled
  unique (endpoint_id, event_type, video_id)
);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, created_at desc);
