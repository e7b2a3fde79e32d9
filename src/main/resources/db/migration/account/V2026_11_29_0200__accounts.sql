create table users (
  id               uuid primary key,
  email            text        not null,
  email_normalized text        not null unique,
  display_name     text        not null,
  password_hash    text,
  role             text        not null check (role in ('USER', 'ADMIN')),
  created_at       timestamptz not null
);

create table api_keys (
  id           uuid primary key,
  user_id      uuid        not null references users (id) on delete cascade,
  name         text        not null,
  prefix       text        not null,
  secret_hash  text        not null unique,
  created_at   timestamptz not null,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
create index api_keys_user_idx on api_keys (user_id);
