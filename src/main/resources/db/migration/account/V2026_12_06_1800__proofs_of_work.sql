-- Proofs of work already taken (sign-up, password reset), so that one solved challenge opens
-- one form, on whichever node it arrives. A row holds only the challenge (a random SHA-256) and
-- lives until the challenge would have expired anyway.
create table account_proofs_spent (
  challenge  text primary key,
  expires_at timestamptz not null
);
create index account_proofs_spent_expiry on account_proofs_spent (expires_at);
