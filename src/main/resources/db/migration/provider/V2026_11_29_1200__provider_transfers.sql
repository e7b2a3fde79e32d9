-- The transfer log (P7, P15): what of a generation was sent to which platform, where, when.
-- Names and hashes of what was sent, never contents; the platform's job id only to resume a job.
create table provider_transfers (
    id             uuid primary key,
    generation_id  uuid        not null,
    user_id        uuid        not null,
    provider       text        not null,
    provider_name  text        not null,
    country        text        not null,
    model          text        not null,
    fields         text        not null,
    media          jsonb       not null,
    sent_at        timestamptz not null,
    remote_id      text,
    remote_locator text,
    pushed_at      timestamptz,
    outcome        text,
    finished_at    timestamptz
);

create index provider_transfers_generation on provider_transfers (generation_id, sent_at);
create index provider_transfers_user on provider_transfers (user_id);
create index provider_transfers_remote on provider_transfers (provider, remote_id);
