-- A star its owner puts on a video: the grid can show the favourites alone. The events that keep
-- the index in step never touch it, so a late event does not take a star away.
alter table library_items add column favourite boolean not null default false;
-- favourites only, newest or oldest first: a small index over the starred rows alone
create index library_items_favourites_idx on library_items (user_id, source, created_at desc, id desc)
  where favourite;
