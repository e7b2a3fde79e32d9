-- A video its owner cancelled is its own state in the library, not a failure (videos cancelled
-- before this change keep showing as failed).
alter table library_items drop constraint library_items_status_check;
alter table library_items add constraint library_items_status_check
  check (status in ('QUEUED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'));
