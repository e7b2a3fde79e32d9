-- Accounts whose owner asked to close them: erased once the grace period has passed, unless
-- the owner signs in again before that.
create table account_closures (
  user_id      uuid primary key,
  requested_at timestamptz not null,
  erase_after  timestamptz not null
);
