-- The erasure log's entries this database has seen applied (written with the erasure itself, or by
-- the replay after a restore). After a restore it holds only the entries up to the backup, so the
-- replay applies exactly the erasures made since. Entry names hold ids, no personal data.
create table backup_erasures_applied (
  entry      text                     primary key,
  applied_at timestamp with time zone not null default now()
);
