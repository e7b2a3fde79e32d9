-- The erasure log's entries this database has seen applied (written with the erasure itself, or by
-- the replay after a restore). After a restore it holds only the entries up to the backup, so the
-- replay applies exactly the erasures made since. Only a SHA-256 of each entry's name is kept, so
-- no id of an erased account stays in the database.
create table backup_erasures_applied (
  entry      text                     primary key,
  applied_at timestamp with time zone not null default now()
);
