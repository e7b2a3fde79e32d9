-- A report that an account belongs to a child under the minimum age (P13): logged and executed
-- like the other privacy requests, it erases the account at once.
alter table privacy_requests drop constraint privacy_requests_kind_check;
alter table privacy_requests add constraint privacy_requests_kind_check
  check (kind in ('ACCESS', 'PORTABILITY', 'CORRECTION', 'DELETION', 'OBJECTION', 'UNDER_AGE'));
