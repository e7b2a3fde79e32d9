-- The credit ledger. Every change of a balance is a row of credit_entries; rows are never
-- updated or deleted (a trigger refuses it), corrections are new rows. credit_accounts caches
-- each user's sums and is the row locked to serialise a user's holds; it can always be
-- recomputed from the entries. user_id has no foreign key into the account module's table.
create table credit_accounts (
  user_id       uuid primary key,
  balance       bigint      not null default 0,
  held          bigint      not null default 0 check (held >= 0),
  frozen_at     timestamptz,
  frozen_reason text,
  opened_at     timestamptz not null default now()
);

create table credit_entries (
  id          bigint generated always as identity primary key,
  user_id     uuid        not null,
  kind        text        not null check (kind in ('grant', 'purchase', 'hold', 'capture', 'release', 'refund',
                                                   'chargeback', 'adjustment', 'expiry')),
  -- change of the balance (credits owned) and of the credits on hold; available = balance - held
  amount      bigint      not null,
  held_change bigint      not null default 0,
  hold_id     uuid,
  reason      text        not null,
  reference   text,
  actor       text        not null,
  created_at  timestamptz not null default clock_timestamp(),
  check ((kind in ('hold', 'capture', 'release')) = (hold_id is not null)),
  check (kind <> 'hold' or (amount = 0 and held_change > 0)),
  check (kind <> 'release' or (amount = 0 and held_change < 0)),
  check (kind <> 'capture' or (amount <= 0 and held_change < 0 and -amount <= -held_change)),
  check (kind in ('hold', 'capture', 'release') or held_change = 0)
);
create index credit_entries_user_idx on credit_entries (user_id, id desc);
-- a hold is placed once and ends once: captured or released, never both, never twice
create unique index credit_entries_hold_placed_once on credit_entries (hold_id) where kind = 'hold';
create unique index credit_entries_hold_ends_once on credit_entries (hold_id) where kind in ('capture', 'release');
-- a Stripe purchase grants its credits once, whichever event reports it
create unique index credit_entries_purchase_once on credit_entries (reference) where kind = 'purchase';

create function credit_entries_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'credit_entries is append-only: % is not allowed; record a correcting entry instead', tg_op
    using errcode = 'restrict_violation';
end $$;
create trigger credit_entries_no_update_or_delete before update or delete on credit_entries
  for each row execute function credit_entries_append_only();
create trigger credit_entries_no_truncate before truncate on credit_entries
  for each statement execute function credit_entries_append_only();

-- Stripe Checkout: only Stripe's ids, amounts, currency, status and times (no card data).
create table stripe_payments (
  checkout_session_id text primary key,
  user_id             uuid        not null,
  pack                text        not null,
  credits             bigint      not null check (credits > 0),
  amount              bigint      not null check (amount >= 0),
  currency            text        not null,
  status              text        not null check (status in ('open', 'processing', 'paid', 'failed', 'expired')),
  customer_id         text,
  payment_intent_id   text unique,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
create index stripe_payments_user_idx on stripe_payments (user_id, created_at desc);

-- What charge events told us about a payment intent, whatever order they came in.
create table stripe_charges (
  payment_intent_id text primary key,
  amount_refunded   bigint      not null default 0,
  disputed_at       timestamptz,
  receipt_url       text,
  updated_at        timestamptz not null default now()
);

-- Processed webhook events: a replayed or duplicated event changes nothing.
create table stripe_events (
  id          text primary key,
  type        text        not null,
  received_at timestamptz not null default now()
);
