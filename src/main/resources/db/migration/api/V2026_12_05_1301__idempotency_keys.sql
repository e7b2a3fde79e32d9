-- The first answer to each Idempotency-Key an account sent to a creating POST, kept a day so
-- that a retried request gets the same answer and creates nothing more. status and body stay null
-- while the first request runs; the primary key makes one request the owner on any node.
create table api_idempotency_keys (
  user_id     uuid        not null,
  key         text        not null,
  fingerprint text        not null,
  status      int,
  body        text,
  created_at  timestamptz not null default now(),
  primary key (user_id, key)
);
create index api_idempotency_keys_created_idx on api_idempotency_keys (created_at);
