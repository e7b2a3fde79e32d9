-- Privacy requests received outside the app (email, post, phone), logged by operators, verified
-- through the account's email address and answered before their legal due date.
create table privacy_requests (
  id                      uuid primary key,
  kind                    text        not null check (kind in ('ACCESS', 'PORTABILITY', 'CORRECTION', 'DELETION', 'OBJECTION')),
  requester_email         text        not null,
  user_id                 uuid,
  channel                 text        not null,
  jurisdiction            text        not null check (jurisdiction in ('GDPR', 'CCPA', 'OTHER')),
  received_at             timestamptz not null,
  due_at                  timestamptz not null,
  extended                boolean     not null default false,
  extension_reason        text,
  status                  text        not null check (status in ('RECEIVED', 'VERIFICATION_SENT', 'VERIFIED', 'COMPLETED', 'REJECTED')),
  verification_token_hash text unique,
  verified_at             timestamptz,
  closed_at               timestamptz,
  outcome                 text
);
create index privacy_requests_open on privacy_requests (due_at) where status not in ('COMPLETED', 'REJECTED');
