-- Items removed from the library. Events about an item can arrive late (delivery is at least
-- once, in any order, and again after a restart): one about a removed item must not bring it
-- back. Ids only, no personal data; kept a month.
create table library_removed (
  id         uuid primary key,
  removed_at timestamp with time zone not null default now()
);
create index library_removed_by_time on library_removed (removed_at);
