-- bucket4j's buckets of failed sign-ins (per typed email, per client address), shared by every
-- node. The id is a keyed hash (HMAC) of the email or address, so the table names no one; a row
-- expires once its bucket is full again and is then deleted by the sign-in-buckets job.
create table account_sign_in_buckets (
  id         text primary key,
  state      bytea,
  expires_at bigint
);
create index account_sign_in_buckets_expires_idx on account_sign_in_buckets (expires_at);
