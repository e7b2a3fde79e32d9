-- The append-only audit trail of security, privacy and operator actions.
create table audit_events (
  id           bigserial primary key,
  occurred_at  timestamptz not null,
  actor_kind   text        not null check (actor_kind in ('USER', 'OPERATOR', 'SYSTEM')),
  actor_id     uuid,
  action       text        not null,
  subject_user uuid,
  details      text        not null default ''
);
create index audit_events_subject on audit_events (subject_user, id);

-- Entries are never deleted; the only change allowed is replacing a closed account's ids with
-- its tombstone id (pseudonymisation on erasure).
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'audit_events is append-only';
  end if;
  if new.occurred_at <> old.occurred_at or new.actor_kind <> old.actor_kind or new.action <> old.action
     or new.details <> old.details or new.id <> old.id then
    raise exception 'audit_events is append-only: only user ids may be pseudonymised';
  end if;
  return new;
end $$;
create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function audit_events_append_only();
