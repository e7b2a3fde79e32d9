-- A generation made from another of the owner's videos (remix, edit, extension): its source and
-- the source's length (an extension's output is the source followed by the new seconds). No
-- foreign key: a source may be deleted while its offspring stays.
alter table generations
  add column source_id      uuid,
  add column source_kind    text check (source_kind in ('REMIX', 'EDIT', 'EXTENSION')),
  add column source_seconds int  check (source_seconds >= 0),
  add constraint generations_source_complete
    check ((source_id is null) = (source_kind is null) and (source_id is null) = (source_seconds is null));
-- keyset pages of an owner's videos in either order
create index generations_user_created_id_idx on generations (user_id, created_at, id);
