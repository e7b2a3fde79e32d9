-- Entries stay append-only, with one exception: when an account is erased, its id (as owner,
-- or as the operator who acted) is replaced by a random tombstone id. Nothing else may change.
create or replace function credit_entries_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if (new.id, new.kind, new.amount, new.held_change, new.hold_id, new.reason, new.reference, new.created_at)
         is not distinct from
       (old.id, old.kind, old.amount, old.held_change, old.hold_id, old.reason, old.reference, old.created_at) then
      return new;
    end if;
  end if;
  raise exception 'credit_entries is append-only: % is not allowed; record a correcting entry instead', tg_op
    using errcode = 'restrict_violation';
end $$;
